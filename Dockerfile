# syntax=docker/dockerfile:1
# Build stage: install every dependency and build the web page.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies, the server sources (run by tsx) and the built page.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/seed ./seed
COPY --from=build --chown=node:node /app/domain ./domain
COPY --from=build --chown=node:node /app/store ./store
COPY --from=build --chown=node:node /app/bin ./bin
COPY --from=build --chown=node:node /app/neo4j/embedded.ts ./neo4j/embedded.ts
COPY --from=build --chown=node:node /app/web/dist ./web/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "bin/start.ts"]
