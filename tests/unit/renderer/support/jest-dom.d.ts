// The DOM matchers that tests/support/renderer-setup.ts installs, for the type checker.
import '@testing-library/jest-dom/vitest';
