/**
 * zod as every schema of the project uses it (`import * as z from '…/shared/zod'`): the
 * functional build (`zod/mini`), which the bundler cuts down to the parts used. The full build
 * makes its whole API, every schema class and method, when it is imported: about 60 ms of every
 * command's start. Its messages are English, as the full build's are ("Too small: expected
 * number to be >=12").
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
