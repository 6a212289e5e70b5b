import type { DecodedHeader } from "@/lib/model/event";
import styles from "@/components/events/drawer.module.css";

/** Every header in record order (keys may repeat); values that are not UTF-8 are shown as hex. */
export function EventHeaders({ headers }: { headers: DecodedHeader[] }) {
  if (headers.length === 0) return <p className={styles.muted}>No headers.</p>;
  return (
    <table className={styles.headers} data-testid="drawer-headers">
      <tbody>
        {headers.map((header, i) => (
          <tr key={`${header.key}-${i}`}>
            <th scope="row">{header.key}</th>
            <td>
              {header.value === null ? (
                <span className={styles.muted}>null</span>
              ) : (
                <>
                  <span className={styles.headerValue} data-encoding={header.value.encoding}>
                    {header.value.text}
                  </span>
                  {header.value.encoding === "hex" ? (
                    <span className={styles.badge} title="Not valid UTF-8: shown as hex">
                      hex
                    </span>
                  ) : null}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
