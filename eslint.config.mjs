// Lint rules, including the layering of DESIGN §2: core/ is pure, plugin/ and proxy/ never
// import each other, only proxy adapters import the SDKs.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

const nodeBuiltins = [
  "node:*",
  "fs",
  "path",
  "http",
  "https",
  "net",
  "crypto",
  "os",
  "child_process",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "coverage/",
      "data/",
      "e2e/artifacts/",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["core/**/*.ts"],
    ignores: ["core/**/__tests__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: nodeBuiltins, message: "core/ is pure: no Node APIs." },
            {
              group: ["stripe", "@kintone/*", "express", "kintone-ui-component"],
              message: "core/ is pure: no SDKs.",
            },
            {
              group: ["**/plugin/**", "**/proxy/**", "**/sandbox/**"],
              message: "core/ imports nothing outside core/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["plugin/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, kintone: "readonly" } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/proxy/**", "**/sandbox/**"], message: "plugin/ imports only core/." },
          ],
        },
      ],
    },
  },
  {
    files: ["proxy/**/*.ts"],
    ignores: ["proxy/**/__tests__/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/plugin/**", "**/sandbox/**"], message: "proxy/ imports only core/." },
          ],
        },
      ],
    },
  },
);
