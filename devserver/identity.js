// @ts-check
'use strict';

/**
 * When two spellings are the same account. Applied wherever a username or email is stored,
 * looked up or compared, so a look-alike can neither register beside the original nor dodge a
 * per-address limit:
 *  - invisible characters are removed (zero-width space / joiners, word joiner, BOM, soft hyphen,
 *    Mongolian vowel separator);
 *  - NFKC: composed and decomposed accents are one form, full-width letters and digits are ASCII
 *    (`ｄｅｍｏ` = `demo`);
 *  - surrounding white space is ignored;
 *  - usernames compare case-insensitively (`Demo` = `demo`); emails are lower-cased and a trailing
 *    dot on the domain is dropped (`A@Example.com.` = `a@example.com`);
 *  - a username mixing Latin letters with Cyrillic or Greek ones (`dеmo` with a Cyrillic е) is
 *    refused: those scripts are where look-alikes come from.
 */

const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

/** @param {string} text */
function canonical(text) {
  return text.replace(INVISIBLE, '').normalize('NFKC').trim();
}

/** The stored form of a username. @param {string} username */
function normalizeUsername(username) {
  return canonical(username);
}

/** The form two usernames are compared in. @param {string} username */
function usernameKey(username) {
  return canonical(username).toLowerCase();
}

/** @param {string} email */
function normalizeEmail(email) {
  return canonical(email).toLowerCase().replace(/\.+$/, '');
}

/**
 * True when a username mixes Latin with Cyrillic or Greek letters.
 * @param {string} username
 */
function mixesScripts(username) {
  const latin = /\p{Script=Latin}/u.test(username);
  return latin && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(username);
}

module.exports = { normalizeUsername, usernameKey, normalizeEmail, mixesScripts };
