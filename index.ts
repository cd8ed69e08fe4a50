// Package entry: `require('authing-miniapp-kit')` in a mini-program resolves here.
export * from './core/index';
