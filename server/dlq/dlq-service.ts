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
import { renewingAdmin } from "@/server/kafka/renewing-admin";
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
import { topicSummary } from "@/server/dlq/views";
import { SharedCatalog, sharedCatalogTopic } from "@/server/dlq/shared-catalog";

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
  /** The published catalogue when instances share the work (only the owner scans); null alone. */
  private readonly shared: SharedCatalog | null;
  private readerSync: Promise<void> = Promise.resolve();
  /** DLQ topics with ledger entries that the last listing of topics lacked. */
  private missingTopics = new Set<string>();
  private readonly log: Logger;

  constructor(
    private readonly config: Config,
    logger: Logger,
    readonly topics: InternalTopics,
    private readonly events: DlqEvents,
    /** The deployment's lease when instances share the work; null for an instance on its own. */
    private readonly ownership: Ownership | null = null,
    /** What the re-drive ledger may hold in memory: its share of the memory budget unless a test says. */
    ledgerMaxBytes = config.memory.ledgerBytes,
  ) {
    this.log = logger.child({ component: "dlq" });
    const clientId = `${config.kafka.clientId}-dlq`;
    // kafkajs' own error lines repeat every retry while a broker is down; the broker monitor reports
    // reachability and this service logs what it could not do.
    this.kafka = createKafka(config.kafka, this.log, { clientId, level: logLevel.NOTHING });
    // It samples every topic of the cluster, any of which may be deleted at any time.
    this.admin = renewingAdmin(this.kafka);
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.producers = new TxProducers(this.kafka, config.clusterName);
    this.budget = new LetterBudget(config.dlq.memoryBytes);
    const group = `${config.kafka.clientId}`;
    this.state = new StateReader(this.kafka, this.admin, topics, group, this.log, ledgerMaxBytes);
    this.catalog = new TopicCatalog(this.kafka, this.admin, config.dlq.patterns, group, this.log);
    this.audit = new AuditLog(this.producer, topics.audit, this.state, this.log);
    this.audit.follow(this.taskEvents);
    this.shared = ownership
      ? new SharedCatalog(
          this.kafka,
          this.admin,
          this.producer,
          sharedCatalogTopic(config.clusterName),
          ownership,
          group,
        )
      : null;
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
      async () => {
        const changed = (update: () => void) => {
          update();
          void this.syncReaders();
        };
        await this.shared?.follow(
          (info) => changed(() => this.catalog.adopt(info)),
          (topic) => changed(() => this.catalog.forget(topic)),
        );
      },
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
        await this.shared?.stop();
        await new Promise((r) => setTimeout(r, Math.min(10_000, 1_000 * attempt)));
      }
    }
  }

  private async scanLoop(): Promise<void> {
    if (this.stopped) return;
    this.scanning = this.forgetDeletedLetters()
      .catch((error: unknown) => this.log.warn({ err: error }, "could not look for deleted dead letters"))
      .then(() => this.scan())
      .catch((error: unknown) => this.log.warn({ err: error }, "DLQ scan failed"));
    await this.scanning;
    if (!this.stopped)
      this.scanTimer = setTimeout(() => void this.scanLoop(), this.config.dlq.scanIntervalMs);
  }

  /**
   * Lets go of what Kafka's retention deleted, on every instance: the letters below each DLQ partition's
   * log-start offset and their ledger entries (such a letter can never be re-driven again), and the entries
   * of a DLQ topic missing from two listings in a row. A topic's letters go in the same step as its
   * entries, so no letter is ever held without the entry that guards it.
   */
  private async forgetDeletedLetters(): Promise<void> {
    const existing = await this.existingTopics();
    const ledger = this.state.ledger;
    const missing = ledger.topicNames().filter((t) => !existing.has(t) && !this.readers.has(t));
    for (const topic of missing.filter((t) => this.missingTopics.has(t))) {
      const forgotten = ledger.forgetTopic(topic);
      this.log.info({ topic, forgotten }, "re-drive ledger entries of a deleted DLQ topic let go");
    }
    this.missingTopics = new Set(missing);
    const topics = new Set([...ledger.topicNames(), ...this.readers.keys()].filter((t) => existing.has(t)));
    for (const topic of topics) {
      // Deleted since the listing, or its leader away: its letters and entries wait for the next pass.
      const offsets = await this.admin.fetchTopicOffsets(topic).catch(() => null);
      if (!offsets) continue;
      const lows = new Map(offsets.map((p) => [p.partition, BigInt(p.low)]));
      const letters = this.readers.get(topic)?.store.forgetBelow(lows) ?? 0;
      const entries = ledger.forgetBelow(topic, lows);
      if (letters + entries > 0)
        this.log.info({ topic, letters, entries }, "dead letters deleted by retention let go");
    }
  }

  /**
   * Looks for DLQ topics now and reads the letters of those in the catalogue. In a deployment only the
   * owner looks (and publishes what it finds); the others' catalogue follows what it published.
   */
  async scan(): Promise<void> {
    if (this.shared && !this.shared.isOwner()) return this.syncReaders();
    if (this.shared) await this.redrive.recoverInterrupted("abandoned");
    const { added, removed, names } = await this.catalog.scanNames();
    await this.shared?.publish(added, removed);
    await this.syncReaders();
    const byHeaders = await this.catalog.scanHeaders(names);
    await this.shared?.publish(byHeaders, []);
    await this.syncReaders();
  }

  /**
   * One reader per DLQ topic of the catalogue, no other: starts the missing ones (a failed start is tried
   * again at the next scan) and stops those of topics that left it. Serialised, so no topic gets two.
   */
  private syncReaders(): Promise<void> {
    this.readerSync = this.readerSync
      .then(async () => {
        for (const topic of [...this.readers.keys()].filter((t) => !this.catalog.topics.has(t))) {
          await this.dropReader(topic);
          await this.producers.drop(topic);
          this.events.changed(topic);
        }
        const missing = [...this.catalog.topics.values()].filter((i) => !this.readers.has(i.topic));
        await Promise.all(missing.map((info) => this.startReader(info)));
      })
      .catch((error: unknown) => this.log.warn({ err: error }, "could not read a DLQ topic; trying again"));
    return this.readerSync;
  }

  private async startReader(info: DlqTopicInfo): Promise<void> {
    const { maxLettersPerTopic, patterns } = this.config.dlq;
    const store = new LetterStore(info.topic, maxLettersPerTopic, patterns, this.budget);
    // Letters the ledger already let go of (deleted by retention) must not come back, even if read late.
    store.forgetBelow(this.state.ledger.floors(info.topic));
    const reader = new TopicReader(this.kafka, this.admin, store, this.config.kafka.clientId, this.log, (t) =>
      this.events.changed(t),
    );
    this.readers.set(info.topic, reader);
    try {
      await reader.start();
      if (this.stopped) await reader.stop();
    } catch (error) {
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
    const running = (t: string) => this.runner.activeTask(t) ?? this.tasks.runningElsewhere(t);
    return [...this.readers.values()]
      .map(({ store, loaded }) =>
        topicSummary(
          store,
          loaded,
          this.catalog.topics.get(store.topic),
          this.state.ledger,
          running(store.topic)?.id ?? null,
        ),
      )
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
    await this.shared?.stop();
    await Promise.all([...this.readers.keys()].map((t) => this.dropReader(t)));
    await this.state.stop();
    await this.producers.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
