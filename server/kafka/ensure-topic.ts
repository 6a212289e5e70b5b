/** Creates a topic Eventscope itself needs unless it exists; several instances may race to create it. */
import type { Admin, ITopicConfig } from "kafkajs";

export async function ensureTopic(admin: Admin, spec: ITopicConfig): Promise<void> {
  if ((await admin.listTopics()).includes(spec.topic)) return;
  await admin.createTopics({ topics: [spec], waitForLeaders: true }).catch(async (error: unknown) => {
    // Another instance created it a moment ago: "already exists" is success.
    if (!(await admin.listTopics()).includes(spec.topic)) throw error;
  });
}
