import { expect, test } from "@playwright/test";
import { gatewayURL } from "../playwright.config";
import { FlowsPage } from "./support/flows-page";
import { ShellPage } from "./support/shell-page";
import { TracePage } from "./support/traces-page";

// `npm run demo` starts the embedded schema registry, and the shop's user-service writes UserRegistered in
// Avro through it: the drawer decodes the record with the schema the registry holds for its id.
test("the drawer shows a UserRegistered written in Avro decoded, with its subject and version", async ({
  page,
}) => {
  const email = `ada.avro.${Date.now()}@example.com`;
  let userId = "";
  let traceId = "";
  // The shop starts beside the dashboard and may still be joining its groups when this spec runs first.
  await expect(async () => {
    const registered = await page.request.post(`${gatewayURL}/users`, { data: { name: "Ada Avro", email } });
    expect(registered.status()).toBe(202);
    ({ userId, traceId } = (await registered.json()) as { userId: string; traceId: string });
  }).toPass({ timeout: 60_000 });

  const flows = new FlowsPage(page);
  // The key is the user id, and the tail's free-text filter matches keys: only this user's records.
  await flows.goto(`?type=UserRegistered&q=${encodeURIComponent(userId)}`);
  await new ShellPage(page).expectConnection("live", 30_000);
  await flows.waitForRows();
  await flows.openRow(0);

  const value = page.getByTestId("drawer-value");
  await expect(page.getByTestId("drawer-value-schema")).toHaveText(
    /^Avro · users\.events-value v\d+ · schema id \d+$/,
  );
  await expect(value).toContainText(`"email": "${email}"`);
  await expect(value).toContainText(`"userId": "${userId}"`);
  await expect(page.getByTestId("drawer-value-not-decoded")).toHaveCount(0);
  await value.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/drawer-avro-light.png" });

  await test.step("the trace's hop panel shows it decoded too", async () => {
    const trace = new TracePage(page);
    await trace.goto(traceId);
    await trace.rowsOf("user-service").first().click();
    await expect(page.getByTestId("hop-value-schema")).toHaveText(
      /^Avro · users\.events-value v\d+ · schema id \d+$/,
    );
    await expect(page.getByTestId("hop-value")).toContainText(`"email": "${email}"`);
  });
});
