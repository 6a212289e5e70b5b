/**
 * Turns a re-drive request into a plan: which letters, where each goes, and what stands in the way.
 * The dry run returns the plan; a real re-drive starts a task only from a plan without blockers, so the
 * dry run shows exactly what the real one would do.
 */
import type { RedrivePlan, RedrivePlanTarget } from "@/lib/api/dlq";
import { estimateRedriveSeconds, matchesRedriveFilter, parseLetterId, type RedriveRequest } from "@/lib/dlq";
import { AppError } from "@/lib/errors";
import { type LetterStore, searchTextOf, type StoredLetter } from "@/server/dlq/letter-store";
import type { LedgerView } from "@/server/dlq/ledger";

export interface PlannedLetter {
  letter: StoredLetter;
  target: string;
}

export interface PlanResult {
  plan: RedrivePlan;
  /** Letters the task will send, in partition/offset order. */
  send: PlannedLetter[];
}

const SAMPLE = 20;

/** The target of one letter: the request's, else the origin the headers or the DLQ's name give. */
export function targetOf(letter: StoredLetter, explicit: string | undefined): string | null {
  return explicit ?? letter.dead.origin.topic;
}

function byPartitionOffset(a: StoredLetter, b: StoredLetter): number {
  if (a.partition !== b.partition) return a.partition - b.partition;
  const ao = BigInt(a.offset);
  const bo = BigInt(b.offset);
  return ao === bo ? 0 : ao < bo ? -1 : 1;
}

export function planRedrive(input: {
  request: RedriveRequest;
  store: LetterStore;
  ledger: LedgerView;
  existingTopics: ReadonlySet<string>;
}): PlanResult {
  const { request, store, ledger, existingTopics } = input;
  const dlqTopic = store.topic;
  if (request.target === dlqTopic)
    throw new AppError(
      "bad_request",
      "the target is the DLQ itself; pick the topic the letters should go to",
    );

  const missing: string[] = [];
  let selected: StoredLetter[];
  if (request.ids) {
    selected = [];
    for (const id of request.ids) {
      const ref = parseLetterId(id);
      if (ref?.topic !== dlqTopic)
        throw new AppError(
          "bad_request",
          `letter ${id} is not in ${dlqTopic}; re-drive one DLQ topic at a time`,
        );
      const letter = store.get(id);
      if (letter) selected.push(letter);
      else missing.push(id);
    }
  } else {
    const filter = request.filter ?? {};
    selected = store
      .all()
      .filter((l) => matchesRedriveFilter({ ...l.dead, searchText: searchTextOf(l) }, filter));
  }
  selected.sort(byPartitionOffset);

  const alreadyRedriven: string[] = [];
  const noTarget: string[] = [];
  const send: PlannedLetter[] = [];
  const targets = new Map<string, RedrivePlanTarget>();
  for (const letter of selected) {
    const target = targetOf(letter, request.target);
    if (target === null) {
      noTarget.push(letter.id);
      continue;
    }
    if (ledger.has(letter.id)) {
      alreadyRedriven.push(letter.id);
      if (!request.force) continue;
    }
    send.push({ letter, target });
    const t = targets.get(target) ?? {
      topic: target,
      count: 0,
      derived: request.target === undefined && letter.dead.origin.source === "derived-from-name",
    };
    t.count += 1;
    targets.set(target, t);
  }
  const missingTargets = [...targets.keys()].filter((t) => !existingTopics.has(t));
  return {
    send,
    plan: {
      dlqTopic,
      selected: selected.length + missing.length,
      toSend: send.length,
      targets: [...targets.values()].sort((a, b) => b.count - a.count),
      alreadyRedriven,
      missing,
      noTarget,
      missingTargets,
      sample: send.slice(0, SAMPLE).map(({ letter, target }) => ({
        id: letter.id,
        target,
        errorType: letter.dead.error.type,
      })),
      ratePerSec: request.ratePerSec,
      estimatedSeconds: estimateRedriveSeconds(send.length, request.ratePerSec),
    },
  };
}

/** Why a real re-drive of this plan must not start, as the error the API answers with; null when it may. */
export function planBlocker(plan: RedrivePlan, request: RedriveRequest): AppError | null {
  const list = (ids: string[]) =>
    ids.slice(0, 5).join(", ") + (ids.length > 5 ? ` and ${ids.length - 5} more` : "");
  if (plan.missing.length > 0)
    return new AppError("not_found", `no such dead letter: ${list(plan.missing)}`, { missing: plan.missing });
  if (plan.noTarget.length > 0)
    return new AppError(
      "bad_request",
      `${plan.noTarget.length} letter(s) have no known origin topic (${list(plan.noTarget)}); choose a target`,
      { noTarget: plan.noTarget },
    );
  if (plan.missingTargets.length > 0)
    return new AppError("bad_request", `target topic does not exist: ${plan.missingTargets.join(", ")}`, {
      missingTargets: plan.missingTargets,
    });
  if (request.ids && plan.alreadyRedriven.length > 0 && !request.force)
    return new AppError(
      "conflict",
      `${plan.alreadyRedriven.length} letter(s) were re-driven already (${list(plan.alreadyRedriven)}); deselect them or force`,
      { alreadyRedriven: plan.alreadyRedriven },
    );
  if (plan.toSend === 0)
    return plan.alreadyRedriven.length > 0
      ? new AppError("conflict", "every selected letter was re-driven already; force to send them again", {
          alreadyRedriven: plan.alreadyRedriven,
        })
      : new AppError("bad_request", "no dead letter matches the selection");
  return null;
}
