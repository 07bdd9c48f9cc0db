// Lint rules, including the layering: core/ is pure (no Node APIs, no SDKs, nothing outside
// core/); plugin/ and proxy/ never import each other; in proxy/, only the adapters
// (proxy/adapters/**) import the SDKs and native packages, so use cases speak the ports.
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

/**
 * The packages (and their subpaths) only proxy/adapters/** may import: the Stripe, kintone,
 * SQLite, PostgreSQL and image SDKs. A regex: a `group` entry "stripe" would also match "./adapters/stripe/x".
 */
const adapterPackages = "^(stripe|@kintone/rest-api-client|better-sqlite3|sharp|pg)(/.*)?$";

const proxyImportsOnlyCore = {
  group: ["**/plugin/**", "**/sandbox/**"],
  message: "proxy/ imports only core/.",
};

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
              group: ["@kintone/*", "express", "kintone-ui-component"],
              message: "core/ is pure: no SDKs.",
            },
            {
              regex: adapterPackages,
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
            { regex: adapterPackages, message: "plugin/ runs in the browser: no server SDKs." },
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
            proxyImportsOnlyCore,
            {
              regex: adapterPackages,
              message: "Only proxy/adapters/** import SDKs; elsewhere in proxy/, use a port.",
            },
          ],
        },
      ],
    },
  },
  {
    // The adapters are where the SDKs are used (this block replaces the rule's options above).
    files: ["proxy/adapters/**/*.ts"],
    ignores: ["proxy/**/__tests__/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [proxyImportsOnlyCore] }],
    },
  },
);
