import os from 'node:os';

/** The machine a result was measured on: numbers from different machines do not compare. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  /** One-minute load average when the session started: other work on the machine skews results. */
  loadAverageAtStart: number;
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg()[0] ?? 0,
  };
}
