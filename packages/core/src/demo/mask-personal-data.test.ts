import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPersonalData, maskPersonalDataInText, maskPhone } from './mask-personal-data.ts';

// Shaped like Kinde's GET /api/v1/users answer.
const users = {
  code: 'OK',
  message: 'Success',
  users: [
    {
      id: 'kp_0ba7c433e5d648cf992621ce99d42817',
      provided_id: 'U123',
      email: 'ada.lovelace@example.com',
      phone: '+61 400 123 456',
      first_name: 'Ada',
      last_name: 'Lovelace',
      full_name: 'Ada Lovelace',
      is_suspended: false,
      picture: 'https://example.com/ada.png',
      total_sign_ins: 7,
      failed_sign_ins: null,
      last_signed_in: '2025-01-02T03:04:05.000Z',
      created_on: '2024-12-01T00:00:00.000Z',
      organizations: ['org_1a2b3c'],
      identities: [
        { type: 'email', identity: 'ada.lovelace@example.com' },
        { type: 'phone', identity: '+14155550123' },
      ],
    },
  ],
  next_token: 'Mjo5Om1hbWVfYXNj',
};

describe('maskPersonalData', () => {
  it('masks emails, names and phones of a user list and keeps everything else as it was', () => {
    const masked = maskPersonalData(users);
    const u = masked.users[0]!;
    expect(u.email).toBe('a••••@example.com');
    expect(u.first_name).toBe('A••••');
    expect(u.last_name).toBe('L••••');
    expect(u.full_name).toBe('A•••• L••••');
    expect(u.phone).toBe('+••••56');
    expect(u.picture).toBe('https://example.com/••••');
    expect(u.identities).toEqual([
      { type: 'email', identity: 'a••••@example.com' },
      { type: 'phone', identity: '+••••23' },
    ]);
    // Structure and every non-personal value unchanged.
    expect(Object.keys(u)).toEqual(Object.keys(users.users[0]!));
    expect(u).toMatchObject({ id: users.users[0]!.id, provided_id: 'U123', is_suspended: false, total_sign_ins: 7, failed_sign_ins: null, organizations: ['org_1a2b3c'], last_signed_in: '2025-01-02T03:04:05.000Z' });
    expect(masked.next_token).toBe(users.next_token);
    expect(masked.message).toBe('Success');
  });

  it('leaves an organization’s or role’s name alone but masks a person’s name', () => {
    const masked = maskPersonalData({
      organizations: [{ code: 'org_1', name: 'Acme Corp' }],
      roles: [{ id: 'r1', key: 'admin', name: 'Admin' }],
      members: [{ id: 'kp_1', name: 'Grace Hopper' }, { email: 'linus@example.org', name: 'Linus' }],
    });
    expect(masked.organizations[0]!.name).toBe('Acme Corp');
    expect(masked.roles[0]!.name).toBe('Admin');
    expect(masked.members[0]!.name).toBe('G•••• H••••');
    expect(masked.members[1]).toEqual({ email: 'l••••@example.org', name: 'L••••' });
  });

  it('finds emails inside any string and phones by their international form', () => {
    const masked = maskPersonalData({ message: 'Invitation sent to bob@corp.example.com.', contact: '+44 20 7946 0958', created_on: '2024-12-01', count: 12345678 });
    expect(masked.message).toBe('Invitation sent to b••••@corp.example.com.');
    expect(masked.contact).toBe('+••••58');
    expect(masked.created_on).toBe('2024-12-01');
    expect(masked.count).toBe(12345678);
  });

  it('keys match whatever their case, and empty values stay empty', () => {
    expect(maskPersonalData({ Email: 'x@y.io', givenName: 'Zoë', family_name: '' })).toEqual({ Email: 'x••••@y.io', givenName: 'Z••••', family_name: '' });
  });

  it('does not change its input', () => {
    const copy = structuredClone(users);
    maskPersonalData(users);
    expect(users).toEqual(copy);
  });
});

describe('maskPersonalDataInText', () => {
  it('masks a JSON body and keeps it compact or indented as it was', () => {
    const compact = maskPersonalDataInText(JSON.stringify(users));
    expect(compact.changed).toBe(true);
    expect(compact.text).not.toContain('ada.lovelace@');
    expect(compact.text).not.toContain('\n');
    expect(JSON.parse(compact.text)).toEqual(maskPersonalData(users));
    const indented = maskPersonalDataInText(JSON.stringify(users, null, 2));
    expect(indented.text).toContain('\n  "users"');
  });

  it('returns the same text when nothing is personal', () => {
    const body = '{ "code": "OK",  "organizations": [] }';
    expect(maskPersonalDataInText(body)).toEqual({ text: body, changed: false });
  });

  it('masks emails in a body that is not JSON', () => {
    expect(maskPersonalDataInText('user ada@example.com not found').text).toBe('user a••••@example.com not found');
  });
});

describe('mask helpers', () => {
  it('keep a hint of the original', () => {
    expect(maskEmail('someone@example.com')).toBe('s••••@example.com');
    expect(maskName('Mary Ann Evans')).toBe('M•••• A•••• E••••');
    expect(maskPhone('0412 345 678')).toBe('••••78');
  });
});
