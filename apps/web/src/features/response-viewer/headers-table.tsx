export function HeadersTable({ headers }: { headers: { key: string; value: string }[] }) {
  if (headers.length === 0) return <p className="muted response-empty-note">No headers.</p>;
  return (
    <table className="headers-table" aria-label="Response headers">
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h, i) => (
          <tr key={`${h.key}-${i}`}>
            <td className="mono">{h.key}</td>
            <td className="mono">{h.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
