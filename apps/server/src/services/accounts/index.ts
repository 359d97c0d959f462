export { createAccountsService, type AccountsService } from './accounts-service.ts';
export { createInvitesService, type InvitesService } from './invites.ts';
export * from './schemas.ts';
