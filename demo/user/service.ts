/**
 * user-service: registers users from RegisterUser commands (users.commands, group user-service) and
 * announces UserRegistered on users.events (in Avro through the schema registry when the shop has one,
 * else JSON). It also plays the buggy producer of the poison-message
 * injection: with probability `poisonRate` it writes an event whose value is cut short and ends in
 * bytes that are not UTF-8, the kind of record a broken serializer leaves behind.
 */
import { BoundedMap } from "../bounded-map";
import { SERVICES } from "../config";
import { userRegisteredAvro } from "../contracts";
import { avroCodec } from "../messaging/avro-codec";
import { childOrigin } from "../messaging/envelope";
import { type RunningService, type ServiceDeps, startServiceKit } from "../service-kit";

export function corrupt(json: string): Buffer {
  return Buffer.concat([
    Buffer.from(json.slice(0, Math.ceil(json.length / 2))),
    Buffer.from([0xc3, 0x28, 0xff]),
  ]);
}

export async function startUserService(deps: ServiceDeps): Promise<RunningService> {
  const { config, control, stats } = deps;
  const kit = await startServiceKit(SERVICES.user, deps);
  const registered = new BoundedMap<string, true>(100_000);
  const codec = config.schemaRegistryUrl
    ? avroCodec(config.schemaRegistryUrl, `${config.topics.usersEvents}-value`, userRegisteredAvro)
    : null;

  await kit.consume({
    groupId: config.groups.user,
    topics: [config.topics.usersCommands],
    handle: async (message) => {
      if (message.context.type !== "RegisterUser") return;
      const command = kit.read("RegisterUser", message);
      if (!command || registered.has(command.userId)) return;
      const poisoned = Math.random() < control.state.poisonRate;
      const avro = !poisoned && codec ? await codec.encode(command) : undefined;
      await kit.publisher.publish({
        topic: config.topics.usersEvents,
        key: command.userId,
        type: "UserRegistered",
        data: command,
        origin: childOrigin(message.context, command.userId),
        rawValue: poisoned ? corrupt(JSON.stringify(command)) : avro,
        ...(avro ? { contentType: "application/avro" } : {}),
      });
      registered.set(command.userId, true);
      stats.count(poisoned ? "UserRegistered (poisoned)" : "UserRegistered");
    },
  });
  return kit;
}
