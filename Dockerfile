# The proxy as a container image: production dependencies only, the compiled proxy, a non-root
# user, and a health check on /healthz. Configure it with the environment of .env.example
# (secrets from the platform's secret store, never baked into the image); with DATABASE_URL
# several containers share one PostgreSQL journal (docs/en/deploy.md#containers).
# scripts/__tests__/dockerfile.test.ts runs these steps without Docker and starts the result.

# The full node image carries the compiler and Python that better-sqlite3 builds with when no
# prebuilt binary can be fetched; none of it reaches the final image.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY scripts/proxyBuild.js scripts/proxyBuild.js
COPY core core
COPY proxy proxy
RUN node scripts/proxyBuild.js

FROM node:20-bookworm-slim
# DATA_DIR holds the SQLite journal when DATABASE_URL is not set: in the home of the image's
# non-root user `node`, who may write there (mount a volume on it to keep the journal).
ENV NODE_ENV=production DATA_DIR=/home/node/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/scripts/proxyBuild.js scripts/proxyBuild.js
COPY --from=build /app/dist dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["npm", "run", "proxy"]
