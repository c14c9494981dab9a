// typescript-eslint's strict type-checked rules on every TypeScript file; Prettier owns the layout
// (`npm run lint` runs both; `npm test` runs it first).
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

const UNTYPED_JSON_RULES = {
  // Tests, the bench and the load test read the graph's answers as JSON and assert on them: typing
  // every response would restate the schema; the assertions are the check.
  "@typescript-eslint/no-unsafe-assignment": "off",
  "@typescript-eslint/no-unsafe-member-access": "off",
  "@typescript-eslint/no-unsafe-call": "off",
  "@typescript-eslint/no-unsafe-argument": "off",
  "@typescript-eslint/no-unsafe-return": "off",
  "@typescript-eslint/no-non-null-assertion": "off",
};

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/", "**/*.js", "**/*.mjs"] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // French messages print counts, years and amounts: numbers in templates are the point.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // Arrow shorthands such as `(error) => reject(error)` read better than a block.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // type-graphql's classes are the schema's types; resolvers return plain objects of their shape, as its docs do.
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["test/**/*.ts", "bench/**/*.ts", "**/*.test.ts", "scripts/loadtest.ts"], rules: UNTYPED_JSON_RULES },
);
