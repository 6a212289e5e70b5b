/** Writes the KRaft configuration of a single combined broker + controller. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { BrokerInstance } from "./paths";

export function writeBrokerConfig(b: BrokerInstance): { propsFile: string; log4jFile: string } {
  const dataDir = path.join(b.stateDir, "data");
  const propsFile = path.join(b.stateDir, "server.properties");
  const log4jFile = path.join(b.stateDir, "log4j.properties");
  const extra = b.extraListeners;
  const urls = (list: { name: string; port: number }[]) =>
    list.map((l) => `${l.name}://${b.host}:${l.port}`).join(",");
  const props = {
    "process.roles": "broker,controller",
    "node.id": "1",
    "controller.quorum.voters": `1@${b.host}:${b.controllerPort}`,
    listeners: urls([
      { name: "PLAINTEXT", port: b.port },
      { name: "CONTROLLER", port: b.controllerPort },
      ...extra,
    ]),
    "advertised.listeners": urls([{ name: "PLAINTEXT", port: b.port }, ...extra]),
    "listener.security.protocol.map": [
      "PLAINTEXT:PLAINTEXT",
      "CONTROLLER:PLAINTEXT",
      ...extra.map((l) => `${l.name}:${l.protocol}`),
    ].join(","),
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "log.dirs": dataDir,
    "num.partitions": "3",
    // A single node can only hold one replica of Kafka's own topics; transactions need these too.
    "offsets.topic.replication.factor": "1",
    "transaction.state.log.replication.factor": "1",
    "transaction.state.log.min.isr": "1",
    "group.initial.rebalance.delay.ms": "0",
    // Eventscope never creates a topic by reading it, and neither may a client of the demo broker: a typo
    // in a topic name is an error, not a new topic.
    "auto.create.topics.enable": "false",
    // Keep the demo's disk use bounded: a day of data or 256 MiB per partition, whichever comes first.
    "log.retention.hours": "24",
    "log.retention.bytes": String(256 * 1024 * 1024),
    "log.segment.bytes": String(64 * 1024 * 1024),
    "message.max.bytes": String(4 * 1024 * 1024),
    ...b.extraProperties,
  };
  writeFileSync(
    propsFile,
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n",
  );
  const logFile = path.join(b.stateDir, "broker.log").replaceAll("\\", "/");
  writeFileSync(
    log4jFile,
    [
      "log4j.rootLogger=INFO, file",
      "log4j.appender.file=org.apache.log4j.RollingFileAppender",
      `log4j.appender.file.File=${logFile}`,
      "log4j.appender.file.MaxFileSize=20MB",
      "log4j.appender.file.MaxBackupIndex=2",
      "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
      "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n",
      "log4j.logger.kafka=INFO",
      "log4j.logger.org.apache.kafka=INFO",
      "log4j.logger.state.change.logger=WARN",
      "",
    ].join("\n"),
  );
  return { propsFile, log4jFile };
}
