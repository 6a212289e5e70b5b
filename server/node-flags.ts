/**
 * Prints the node options that hold the server to EVENTSCOPE_MEMORY_MB (see memory-budget.ts): V8 takes
 * its heap limits only on the command line, so `npm start` asks this first and passes them on.
 */
import { nodeMemoryFlags } from "@/server/memory-budget";

process.stdout.write(nodeMemoryFlags().join(" "));
