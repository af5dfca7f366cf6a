// Lint for the interface's style sheets: every side is a logical one (inline-start and -end,
// block-start and -end), so `<html dir="rtl">` mirrors the whole interface with no per-side
// overrides (docs/architecture.md, "Right-to-left interface").
//
// Sizes (width, height) and viewport units stay physical: the interface is always laid out in
// horizontal lines, where they mean the same in both directions.

/** A shorthand's four sides (top, right, bottom, left) with a different right and left. */
const UNEQUAL_SIDES = /^\S+\s+(\S+)\s+\S+\s+(?!\1$)\S+$/;
/** More than one radius: the corners then differ between left and right. */
const CORNERS_APART = /^\S+\s+\S+/;
/** A shadow moved sideways (a first offset that is not zero) falls on one physical side. */
const SIDEWAYS_SHADOW = /(?:^|,)\s*(?:inset\s+)?-?(?:0*[1-9]|0*\.\d*[1-9])/;
/** A sideways move (translateX, or translate with an x that is not zero). */
const SIDEWAYS_MOVE = /translateX\(|translate\(\s*-?(?:0*[1-9]|0*\.\d*[1-9])/;
const SIDEWAYS_TRANSLATE = /^-?(?:0*[1-9]|0*\.\d*[1-9])/;

/** @type {import('stylelint').Config} */
export default {
  plugins: ['stylelint-plugin-logical-css'],
  rules: {
    'logical-css/require-logical-properties': [
      true,
      { ignore: ['width', 'height', 'min-width', 'min-height', 'max-width', 'max-height', 'overflow-x', 'overflow-y'] },
    ],
    'logical-css/require-logical-keywords': true,
    'declaration-property-value-disallowed-list': [
      {
        '/^(margin|padding|inset|scroll-margin|scroll-padding|border-width|border-style|border-color)$/': [UNEQUAL_SIDES],
        'border-radius': [CORNERS_APART],
        'box-shadow': [SIDEWAYS_SHADOW],
        transform: [SIDEWAYS_MOVE],
        translate: [SIDEWAYS_TRANSLATE],
      },
      {
        message: (property, value) =>
          `"${property}: ${value}" sets the left and the right apart, so it does not mirror in a right-to-left interface: use the -inline-start and -inline-end properties (or the corner's logical radius).`,
      },
    ],
  },
};
