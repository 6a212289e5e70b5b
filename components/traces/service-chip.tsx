import { colorOfService } from "@/components/traces/service-palette";
import styles from "@/components/traces/chips.module.css";

/** A service name with its palette colour; the same service has the same colour on every page. */
export function ServiceChip({ service }: { service: string | null }) {
  return (
    <span
      className={styles.chip}
      style={{ ["--svc" as string]: colorOfService(service) }}
      data-testid="service-chip"
      data-service={service ?? ""}
    >
      <span className={styles.dot} aria-hidden />
      {service ?? "unknown"}
    </span>
  );
}

/** Up to `max` chips, then "+N" with the rest in its tooltip. */
export function ServiceChips({ services, max = 4 }: { services: readonly string[]; max?: number }) {
  const shown = services.length > max ? services.slice(0, max - 1) : services;
  const rest = services.slice(shown.length);
  return (
    <span className={styles.chips}>
      {shown.map((service) => (
        <ServiceChip key={service} service={service} />
      ))}
      {rest.length > 0 ? (
        <span className={styles.more} title={rest.join(", ")}>
          +{rest.length}
        </span>
      ) : null}
    </span>
  );
}
