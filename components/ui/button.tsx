import type { ButtonHTMLAttributes } from "react";
import styles from "@/components/ui/button.module.css";

/** The dashboard's small button; `variant="primary"` for the one action a panel is about. */
export function Button({
  variant = "default",
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "default" | "primary" | "ghost" }) {
  return (
    <button
      type={type}
      className={className ? `${styles.button} ${className}` : styles.button}
      data-variant={variant}
      {...props}
    />
  );
}
