import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { refuseConnect } from '../http/framework-errors.js'
import { toProblem, type Problem } from '../http/problem-document.js'
import { HttpProblem, problemInstance, problemType } from '../http/problem.js'
import { PROBLEM_CONTENT_TYPE } from '../schemas/common.js'

async function errorsPlugin(fastify: FastifyInstance): Promise<void> {
  fastify.server.on('connect', refuseConnect)
  fastify.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error, request.url)
    if (problem.status >= 500) {
      request.log.error({ err: error }, problem.status === 503 ? 'database unavailable' : 'unhandled error')
    } else {
      request.log.info({ status: problem.status, type: problem.type }, problem.detail ?? problem.title)
    }
    // RFC 9110 §11.6.1: a 401 names the scheme the client should authenticate with.
    if (problem.status === 401) reply.header('www-authenticate', 'Bearer')
    if (error instanceof HttpProblem && error.extras.headers) reply.headers(error.extras.headers)
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
  })

  fastify.setNotFoundHandler((request, reply) => {
    const instance = problemInstance(request.url)
    const problem: Problem = {
      type: problemType('not-found'),
      title: 'Not Found',
      status: 404,
      detail: `no route ${request.method} ${instance ?? 'for this path'}`,
      ...(instance === undefined ? {} : { instance }),
    }
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem)
  })
}

export default fp(errorsPlugin, { name: 'errors', fastify: '5.x' })
