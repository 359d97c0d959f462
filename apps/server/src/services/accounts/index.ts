export { createAccountsService, NO_PASSWORD, type AccountsService } from './accounts-service.ts';
export { createInvitesService, hashInviteToken, type InvitesService } from './invites.ts';
export * from './schemas.ts';
