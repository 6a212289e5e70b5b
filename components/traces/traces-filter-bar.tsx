"use client";

import { Button } from "@/components/ui/button";
import { formatDuration } from "@/components/traces/trace-format";
import {
  TRACE_STATUSES,
  type TracesFilter,
  isEmptyTracesFilter,
} from "@/components/traces/trace-filter-params";
import { traceStatusLabels } from "@/components/traces/trace-status-badge";
import type { TraceFilterOptions } from "@/components/traces/use-trace-filter-options";
import styles from "@/components/traces/traces.module.css";

const DURATION_PRESETS = [10, 100, 500, 1_000, 5_000, 30_000];

function Select({
  name,
  label,
  value,
  choices,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  choices: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <label className={styles.field}>
      <span className={styles.fieldLabel}>{label}</span>
      <select
        className={styles.select}
        data-testid={`traces-filter-${name}`}
        data-active={value ? true : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const named = (all: string, values: string[]) => [
  { value: "", label: all },
  ...values.map((value) => ({ value, label: value })),
];

/** Service, topic, status and minimum duration; every change goes to the URL (see useTracesFilter). */
export function TracesFilterBar({
  filter,
  options,
  onChange,
}: {
  filter: TracesFilter;
  options: TraceFilterOptions;
  onChange: (patch: Partial<TracesFilter>) => void;
}) {
  const durations = [
    ...new Set([...DURATION_PRESETS, ...(filter.minDurationMs ? [filter.minDurationMs] : [])]),
  ];
  return (
    <div className={styles.filterBar} role="search" aria-label="Filter traces" data-testid="traces-filter">
      <Select
        name="service"
        label="Service"
        value={filter.service ?? ""}
        choices={named("All services", options.services)}
        onChange={(service) => onChange({ service: service || undefined })}
      />
      <Select
        name="topic"
        label="Topic"
        value={filter.topic ?? ""}
        choices={named("All topics", options.topics)}
        onChange={(topic) => onChange({ topic: topic || undefined })}
      />
      <Select
        name="status"
        label="Status"
        value={filter.status ?? ""}
        choices={[
          { value: "", label: "Any status" },
          ...TRACE_STATUSES.map((s) => ({ value: s, label: traceStatusLabels[s] })),
        ]}
        onChange={(status) => onChange({ status: (status || undefined) as TracesFilter["status"] })}
      />
      <Select
        name="min-duration"
        label="Duration"
        value={filter.minDurationMs ? String(filter.minDurationMs) : ""}
        choices={[
          { value: "", label: "Any duration" },
          ...durations
            .sort((a, b) => a - b)
            .map((ms) => ({ value: String(ms), label: `≥ ${formatDuration(ms)}` })),
        ]}
        onChange={(ms) => onChange({ minDurationMs: ms ? Number(ms) : undefined })}
      />
      {isEmptyTracesFilter(filter) ? null : (
        <Button
          variant="ghost"
          data-testid="traces-filter-clear"
          onClick={() =>
            onChange({ service: undefined, topic: undefined, status: undefined, minDurationMs: undefined })
          }
        >
          Clear
        </Button>
      )}
    </div>
  );
}
