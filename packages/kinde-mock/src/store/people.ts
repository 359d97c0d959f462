/** Names for seeded users: pioneers of computing, so demo screens look real but harm no one. */
export const PEOPLE: ReadonlyArray<readonly [first: string, last: string]> = [
  ['Ada', 'Lovelace'], ['Alan', 'Turing'], ['Grace', 'Hopper'], ['Katherine', 'Johnson'],
  ['Margaret', 'Hamilton'], ['Charles', 'Babbage'], ['John', 'von Neumann'], ['Claude', 'Shannon'],
  ['Edsger', 'Dijkstra'], ['Donald', 'Knuth'], ['Barbara', 'Liskov'], ['Frances', 'Allen'],
  ['Dennis', 'Ritchie'], ['Ken', 'Thompson'], ['Tim', 'Berners-Lee'], ['Radia', 'Perlman'],
  ['Hedy', 'Lamarr'], ['Marie', 'Curie'], ['Rosalind', 'Franklin'], ['Lise', 'Meitner'],
  ['Emmy', 'Noether'], ['Sophie', 'Germain'], ['Leonhard', 'Euler'], ['Srinivasa', 'Ramanujan'],
  ['Alonzo', 'Church'], ['John', 'McCarthy'], ['Marvin', 'Minsky'], ['Seymour', 'Cray'],
  ['Jean', 'Bartik'], ['Betty', 'Holberton'], ['Kathleen', 'Booth'], ['Adele', 'Goldberg'],
  ['Alan', 'Kay'], ['Niklaus', 'Wirth'], ['Tony', 'Hoare'], ['Leslie', 'Lamport'],
  ['Whitfield', 'Diffie'], ['Martin', 'Hellman'], ['Ron', 'Rivest'], ['Adi', 'Shamir'],
  ['Shafi', 'Goldwasser'], ['Judea', 'Pearl'], ['Fei-Fei', 'Li'], ['Vint', 'Cerf'],
  ['Bob', 'Kahn'], ['Douglas', 'Engelbart'], ['Ivan', 'Sutherland'], ['Butler', 'Lampson'],
  ['Jim', 'Gray'], ['Edgar', 'Codd'], ['Bjarne', 'Stroustrup'], ['Guido', 'van Rossum'],
  ['James', 'Gosling'], ['Anders', 'Hejlsberg'], ['Brendan', 'Eich'], ['Larry', 'Wall'],
  ['Richard', 'Hamming'],
];

/** ada.lovelace@example.com style addresses. */
export function emailOf(first: string, last: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  return `${clean(first)}.${clean(last)}@example.com`;
}
