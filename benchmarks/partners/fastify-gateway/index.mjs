// The spec's gateway (spec "API Gateway Service / Core Implementation"), unchanged in what it does per request:
// helmet, cors, a Redis-backed rate limit, and the proxy to auth. Only the limit is raised so that a benchmark
// measures proxying, not 429s (our gateway is run with GATEWAY_RATELIMIT_LIMIT raised the same way).
import Fastify from 'fastify';
import proxy from '@fastify/http-proxy';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Redis from 'ioredis';

const port = Number(process.env.PORT || 4093);
const upstream = process.env.UPSTREAM || 'http://127.0.0.1:4002';
const redis = new Redis({ host: process.env.REDIS_HOST || '127.0.0.1', port: Number(process.env.REDIS_PORT || 6379) });
const app = Fastify({ logger: false });
await app.register(helmet);
await app.register(cors, { origin: (process.env.CORS_ORIGINS || 'http://localhost:3000').split(',') });
await app.register(rateLimit, { max: 100000000, timeWindow: '15 minutes', redis });
await app.register(proxy, { upstream, prefix: '/api/auth', rewritePrefix: '/api/auth', http2: false });
await app.listen({ port, host: '127.0.0.1' });
