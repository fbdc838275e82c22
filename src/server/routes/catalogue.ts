/** The metric catalogue (base metrics and derived KPIs with formulas) and the goal templates. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CatalogueQuery, GoalTemplateOut, MetricInfo } from '../../contract/goals.ts';
import { listGoalTemplates, listMetrics } from '../../services/goals/catalogue.ts';
import { requireContext } from '../auth.ts';
import { errors, jsonContent, router, signedIn } from '../openapi-helpers.ts';

export const catalogueRoutes = router()
  .openapi(
    createRoute({
      method: 'get',
      path: '/metrics',
      tags: ['catalogue'],
      summary: 'Metrics and derived KPIs (with formulas); ?platform= keeps those the platform provides',
      security: signedIn,
      request: { query: CatalogueQuery },
      responses: { 200: jsonContent(z.array(MetricInfo), 'Metrics'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => {
      requireContext(c);
      return c.json(listMetrics(c.req.valid('query').platform), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/goal-templates',
      tags: ['catalogue'],
      summary: 'The nine goal types with suggested KPIs; ?platform= keeps the KPIs the platform provides',
      security: signedIn,
      request: { query: CatalogueQuery },
      responses: { 200: jsonContent(z.array(GoalTemplateOut), 'Goal templates'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => {
      requireContext(c);
      return c.json(listGoalTemplates(c.req.valid('query').platform), 200);
    },
  );
