export { authFeature } from "@/server/auth/auth-feature";
export { type AuthEvent, type AuthService, type Principal } from "@/server/auth/auth";
