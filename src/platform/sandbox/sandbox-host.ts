import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logging/logger.js';
import type { VendorSimulator } from './vendor-simulator.js';

interface RunningSimulator {
  app: FastifyInstance;
  baseUrl: string;
}

/**
 * Runs vendor simulators on loopback ports chosen by the OS, one HTTP server each, and tells the
 * composition root where each one listens. Nothing here is reachable from outside the machine.
 */
export class SandboxHost {
  private constructor(private readonly running: Map<string, RunningSimulator>) {}

  static async start(simulators: readonly VendorSimulator[], logger: Logger): Promise<SandboxHost> {
    const running = new Map<string, RunningSimulator>();
    try {
      for (const simulator of simulators) {
        if (running.has(simulator.name))
          throw new Error(`two sandbox simulators named ${simulator.name}`);
        const app = Fastify({
          loggerInstance: logger.child({ sandbox: simulator.name }) as FastifyBaseLogger,
          bodyLimit: 10 * 1024 * 1024,
        });
        await simulator.register(app);
        const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
        running.set(simulator.name, { app, baseUrl });
        logger.info({ sandbox: simulator.name, baseUrl }, 'sandbox simulator listening');
      }
    } catch (error) {
      await Promise.all([...running.values()].map(({ app }) => app.close()));
      throw error;
    }
    return new SandboxHost(running);
  }

  /** Base URL (`http://127.0.0.1:PORT`) of a running simulator, to hand to the real adapter. */
  baseUrl(name: string): string {
    const simulator = this.running.get(name);
    if (!simulator) throw new Error(`no sandbox simulator named ${name} is running`);
    return simulator.baseUrl;
  }

  get names(): string[] {
    return [...this.running.keys()];
  }

  async stop(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ app }) => app.close()));
    this.running.clear();
  }
}
