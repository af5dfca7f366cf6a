import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for what the page shows, up to this: the default second is too short
// where the renderer tests share two cores with the rest of the suite (a test then fails without
// anything being wrong). A test that waits for something that never comes still fails.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
