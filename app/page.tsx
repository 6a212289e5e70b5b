import { redirect } from "next/navigation";

// Flows is the dashboard's home.
export default function Home() {
  redirect("/flows");
}
