/**
 * The dead-letter backend: finds DLQ topics, reads them, reads Eventscope's own state topics and runs
 * re-drive tasks. Starts in the background (the dashboard must come up even while Kafka is down) and
 * reports `loading` until the ledger has been read, the only state in which re-drives are refused (503).
 */
import { type Admin, type Kafka, logLevel, type Producer } from "kafkajs";
import type { DlqState, DlqTopicSummary } from "@/lib/api/dlq";
import { AppError } from "@/lib/errors";
import type { Ownership } from "@/server/cluster/ownership";
import type { Config } from "@/server/config";
import { createKafka } from "@/server/kafka/client";
import type { Logger } from "@/server/logger";
import { AuditLog } from "@/server/dlq/audit-log";
import { ensureInternalTopics, type InternalTopics } from "@/server/dlq/internal-topics";
import { LetterBudget } from "@/server/dlq/letter-budget";
import { LetterStore } from "@/server/dlq/letter-store";
import { TxProducers } from "@/server/dlq/producers";
import { StateReader } from "@/server/dlq/state-reader";
import { RedriveService } from "@/server/dlq/redrive-service";
import { TaskEvents } from "@/server/dlq/task-events";
import { TaskRunner } from "@/server/dlq/task-runner";
import { TaskStore } from "@/server/dlq/task-store";
import { type DlqTopicInfo, TopicCatalog } from "@/server/dlq/topic-catalog";
import { TopicReader } from "@/server/dlq/topic-reader";

export interface DlqEvents {
  changed(dlqTopic: string): void;
}

export class DlqService {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly state: StateReader;
  readonly catalog: TopicCatalog;
  readonly tasks: TaskStore;
  readonly runner: TaskRunner;
  readonly redrive: RedriveService;
  /** Task starts, progress and ends: the audit log follows them, the socket pushes them. */
  readonly taskEvents = new TaskEvents();
  readonly audit: AuditLog;
  private readonly producer: Producer;
  private readonly producers: TxProducers;
  private readonly readers = new Map<string, TopicReader>();
  private readonly budget: LetterBudget;
  private ready = false;
  private stopped = false;
  private scanTimer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(
    private readonly config: Config,
    logger: Logger,
    readonly topics: InternalTopics,
    private readonly events: DlqEvents,
    /** The deployment's lease when instances share the work; null for an instance on its own. */
    private readonly ownership: Ownership | null = null,
  ) {
    this.log = logger.child({ component: "dlq" });
    const clientId = `${config.kafka.clientId}-dlq`;
    // kafkajs' own error lines repeat every retry while a broker is down; the broker monitor reports
    // reachability and this service logs what it could not do.
    this.kafka = createKafka(config.kafka, this.log, { clientId, level: logLevel.NOTHING });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.producers = new TxProducers(this.kafka, config.clusterName);
    this.budget = new LetterBudget(config.dlq.memoryBytes);
    const group = `${config.kafka.clientId}`;
    this.state = new StateReader(this.kafka, this.admin, topics, group, this.log);
    this.catalog = new TopicCatalog(this.kafka, this.admin, config.dlq.patterns, group, this.log);
    this.audit = new AuditLog(this.producer, topics.audit, this.state, this.log);
    this.audit.follow(this.taskEvents);
    this.tasks = new TaskStore(this.state, this.producer, topics.tasks);
    this.runner = new TaskRunner({
      run: {
        producers: this.producers,
        state: this.state,
        admin: this.admin,
        ledgerTopic: topics.ledger,
        log: this.log,
      },
      state: this.state,
      tasks: this.tasks,
      events: this.taskEvents,
      letters: (t) => (this.readers.get(t)?.loaded ? this.readers.get(t)?.store : undefined),
      changed: (t) => events.changed(t),
      log: this.log,
    });
    this.redrive = new RedriveService({
      state: this.state,
      tasks: this.tasks,
      runner: this.runner,
      events: this.taskEvents,
      producers: this.producers,
      loadedLetters: (t) => this.loadedStore(t),
      existingTopics: () => this.existingTopics(),
      log: this.log,
    });
  }

  /** Connects in the background, retrying until Kafka answers. */
  start(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    const steps: (() => Promise<void>)[] = [
      () => this.admin.connect(),
      () => ensureInternalTopics(this.admin, this.topics),
      () => this.producer.connect(),
      () => this.state.start(),
      () => this.state.catchUp(120_000),
      // Alone, every task recorded as running was this process's before it stopped. In a deployment, the
      // other instances' tasks are running: only abandoned ones are settled, by the owner (scan).
      () => (this.ownership ? Promise.resolve() : this.redrive.recoverInterrupted("all")),
    ];
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        for (const step of steps) {
          await step();
          // stop() may have run while this step waited; it must not leave clients behind.
          if (this.stopped) return void (await this.release());
        }
        this.ready = true;
        this.log.info({ ledger: this.state.ledger.size }, "re-drive ledger loaded");
        this.state.onLedgerChange((t) => this.events.changed(t));
        await this.scanLoop();
        return;
      } catch (error) {
        if (this.stopped) return void (await this.release());
        this.log.warn({ err: error, attempt }, "dead-letter backend not ready; retrying");
        await this.state.stop();
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1_000 * attempt)));
      }
    }
  }

  private async scanLoop(): Promise<void> {
    if (this.stopped) return;
    this.scanning = this.scan().catch((error: unknown) => this.log.warn({ err: error }, "DLQ scan failed"));
    await this.scanning;
    if (!this.stopped)
      this.scanTimer = setTimeout(() => void this.scanLoop(), this.config.dlq.scanIntervalMs);
  }

  /** Looks for DLQ topics now (also used by tests that just created one). */
  async scan(): Promise<void> {
    if (this.ownership?.isOwner()) await this.redrive.recoverInterrupted("abandoned");
    const { added, removed, names } = await this.catalog.scanNames();
    for (const t of removed) {
      await this.dropReader(t);
      await this.producers.drop(t);
      this.events.changed(t);
    }
    await Promise.all(added.map((info) => this.startReader(info)));
    const byHeaders = await this.catalog.scanHeaders(names);
    await Promise.all(byHeaders.map((info) => this.startReader(info)));
  }

  private async startReader(info: DlqTopicInfo): Promise<void> {
    const { maxLettersPerTopic, patterns } = this.config.dlq;
    const store = new LetterStore(info.topic, maxLettersPerTopic, patterns, this.budget);
    const reader = new TopicReader(this.kafka, this.admin, store, this.config.kafka.clientId, this.log, (t) =>
      this.events.changed(t),
    );
    this.readers.set(info.topic, reader);
    try {
      await reader.start();
      if (this.stopped) await reader.stop();
    } catch (error) {
      this.catalog.topics.delete(info.topic);
      await this.dropReader(info.topic);
      throw error;
    }
  }

  private async dropReader(topic: string): Promise<void> {
    const reader = this.readers.get(topic);
    this.readers.delete(topic);
    reader?.store.release();
    await reader?.stop();
  }

  get dlqState(): DlqState {
    return this.ready ? "ready" : "loading";
  }

  requireReady(): void {
    if (!this.ready)
      throw new AppError(
        "unavailable",
        "the re-drive ledger is still being read from Kafka; try again shortly",
      );
  }

  store(topic: string): LetterStore {
    const store = this.readers.get(topic)?.store;
    if (!store) throw new AppError("not_found", `${topic} is not a dead-letter topic Eventscope knows`);
    return store;
  }

  /** The store once the topic was read to its end: re-drives must not plan from half a topic. */
  loadedStore(topic: string): LetterStore {
    const store = this.store(topic);
    if (!this.readers.get(topic)?.loaded)
      throw new AppError("unavailable", `${topic} is still being read; try again in a moment`);
    return store;
  }

  /** Whether the catalogue knows `topic` as a DLQ, by name or by its records' dead-letter headers. */
  isDlqTopic(topic: string): boolean {
    return this.catalog.topics.has(topic);
  }

  topicSummaries(): DlqTopicSummary[] {
    const ledger = this.state.ledger;
    return [...this.readers.values()]
      .map(({ store, loaded }) => {
        const info = this.catalog.topics.get(store.topic);
        const letters = store.all();
        const redriven = letters.filter((l) => ledger.has(l.id)).length;
        const origins = new Map<string, number>();
        for (const l of letters) {
          const o = l.dead.origin.topic;
          if (o) origins.set(o, (origins.get(o) ?? 0) + 1);
        }
        return {
          topic: store.topic,
          recognisedBy: info?.recognisedBy ?? "name",
          partitions: info?.partitions ?? 0,
          total: letters.length,
          pending: letters.length - redriven,
          redriven,
          origins: [...origins].sort((a, b) => b[1] - a[1]).map(([t]) => t),
          newestAt: letters[0]?.timestamp ?? null,
          windowed: store.windowed,
          loaded,
          activeTaskId:
            this.runner.activeTask(store.topic)?.id ?? this.tasks.runningElsewhere(store.topic)?.id ?? null,
        };
      })
      .sort((a, b) => b.pending - a.pending || a.topic.localeCompare(b.topic));
  }

  async existingTopics(): Promise<Set<string>> {
    return new Set(await this.admin.listTopics());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.scanTimer) clearTimeout(this.scanTimer);
    await this.scanning;
    await this.runner.stop();
    await this.release();
  }

  /** Disconnects every client; safe to call more than once. */
  private async release(): Promise<void> {
    await Promise.all([...this.readers.keys()].map((t) => this.dropReader(t)));
    await this.state.stop();
    await this.producers.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
