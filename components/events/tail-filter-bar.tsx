"use client";

import { useCallback } from "react";
import type { EventFilter } from "@/lib/api/events";
import { Button } from "@/components/ui/button";
import { TailSearchInput } from "@/components/events/tail-search-input";
import styles from "@/components/events/tail.module.css";

export interface FilterOptions {
  topics: string[];
  services: string[];
  types: string[];
}

function FilterSelect({
  field,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  field: "topic" | "service" | "type";
  label: string;
  allLabel: string;
  value: string | undefined;
  options: string[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label className={styles.selectLabel}>
      <span className="visually-hidden">{label}</span>
      <select
        className={styles.select}
        data-testid={`tail-filter-${field}`}
        data-active={value ? true : undefined}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Topic, service and type selects plus free text; every change goes to the URL (see useEventFilter). */
export function TailFilterBar({
  filter,
  options,
  onChange,
}: {
  filter: EventFilter;
  options: FilterOptions;
  onChange: (patch: Partial<EventFilter>) => void;
}) {
  const onSearch = useCallback((q: string) => onChange({ q: q || undefined }), [onChange]);
  const active = Boolean(filter.topic || filter.service || filter.type || filter.q);
  return (
    <div className={styles.filterBar} role="search" aria-label="Filter events" data-testid="tail-filter">
      <FilterSelect
        field="topic"
        label="Topic"
        allLabel="All topics"
        value={filter.topic}
        options={options.topics}
        onChange={(topic) => onChange({ topic })}
      />
      <FilterSelect
        field="service"
        label="Service"
        allLabel="All services"
        value={filter.service}
        options={options.services}
        onChange={(service) => onChange({ service })}
      />
      <FilterSelect
        field="type"
        label="Event type"
        allLabel="All types"
        value={filter.type}
        options={options.types}
        onChange={(type) => onChange({ type })}
      />
      <TailSearchInput value={filter.q ?? ""} onCommit={onSearch} />
      {active ? (
        <Button
          variant="ghost"
          data-testid="tail-filter-clear"
          onClick={() => onChange({ topic: undefined, service: undefined, type: undefined, q: undefined })}
        >
          Clear
        </Button>
      ) : null}
    </div>
  );
}
