# Voordeur in a container: built with the same script as `npm run build`, run as a non-root user with
# production dependencies only. See docs/operations.md ("Container").
#   podman build -t voordeur .        (or docker build)
FROM docker.io/library/node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM docker.io/library/node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 VOORDEUR_DATA_DIR=/var/lib/voordeur
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/web/dist packages/web/dist
RUN mkdir -p /var/lib/voordeur/audit-anchors && chown -R node:node /var/lib/voordeur && chmod -R 700 /var/lib/voordeur
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "packages/server/dist/voordeur.mjs"]
CMD ["serve"]
