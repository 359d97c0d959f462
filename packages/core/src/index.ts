export * from './model/variable.ts';
export * from './model/environment.ts';
export * from './model/request.ts';
export * from './model/send.ts';
export * from './model/error.ts';
