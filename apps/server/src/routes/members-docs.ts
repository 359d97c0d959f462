import { z } from 'zod';
import { inviteCreateSchema, inviteViewSchema, memberViewSchema, roleChangeSchema } from '../services/accounts/index.ts';
import type { RouteDoc } from '../openapi/route-doc.ts';

const tag = 'Members';
const membersSchema = z.object({ members: z.array(memberViewSchema), invites: z.array(inviteViewSchema) });
const inviteCreatedSchema = z.object({ invite: inviteViewSchema, token: z.string() });

/** The owners' member routes (routes/members.ts) for `/api/openapi.json`. */
export const MEMBER_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/members', operationId: 'listMembers', tag, summary: 'Members and the invites sent (owners)', responses: { 200: { description: 'Members and invites', schema: membersSchema } } },
  { method: 'post', path: '/api/members/invites', operationId: 'inviteMember', tag, summary: 'Invite by a one-time link with a role (owners)', description: 'The token is shown once; the link is `/join#<token>`. An older pending invite for the same email is withdrawn.', body: inviteCreateSchema, responses: { 201: { description: 'Invite created', schema: inviteCreatedSchema } }, errors: [409] },
  { method: 'delete', path: '/api/members/invites/:id', operationId: 'withdrawInvite', tag, summary: 'Withdraw a pending invite (owners)', responses: { 200: { description: 'Withdrawn', schema: inviteViewSchema } }, errors: [404, 409] },
  { method: 'patch', path: '/api/members/:id', operationId: 'changeMemberRole', tag, summary: 'Give a member another role (owners)', body: roleChangeSchema, responses: { 200: { description: 'Changed', schema: memberViewSchema } }, errors: [404, 409] },
  { method: 'delete', path: '/api/members/:id', operationId: 'removeMember', tag, summary: 'Remove a member; their sessions end at once (owners)', responses: { 204: { description: 'Removed', schema: null } }, errors: [404, 409] },
];
