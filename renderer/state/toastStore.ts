/** Brief success notes in the corner; errors are shown where they happened, not here. */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
}

interface ToastStore {
  toasts: Toast[];
  show(message: string): void;
  dismiss(id: number): void;
}

let nextId = 1;
const TOAST_MS = 2500;

export const useToasts = create<ToastStore>((set, get) => ({
  toasts: [],
  show(message) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, message }] }));
    setTimeout(() => get().dismiss(id), TOAST_MS);
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export const toast = (message: string) => useToasts.getState().show(message);
