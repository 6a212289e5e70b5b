/**
 * A process that installs the stray-rejection policy, then leaves one rejected promise unhandled: a kafkajs
 * error when argv[2] is "kafkajs", a plain Error otherwise. It prints "still running" if it survives.
 */
import pino from "pino";
import { surviveStrayKafkaRejections } from "@/server/kafka/stray-rejections";

surviveStrayKafkaRejections(pino({ level: "warn" }));
const error = new Error("Connection error: connect ECONNREFUSED 127.0.0.1:9092");
if (process.argv[2] === "kafkajs") error.name = "KafkaJSNumberOfRetriesExceeded";
void Promise.reject(error);
setTimeout(() => {
  process.stdout.write("still running\n");
}, 300);
