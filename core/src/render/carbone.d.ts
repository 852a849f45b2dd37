/**
 * The part of carbone 3.8.2 the renderer uses; the package ships no types. Only DOCX filling is
 * declared: conversion goes through the host's own LibreOffice converter.
 */
declare module 'carbone' {
  export interface CarboneRenderOptions {
    /** Lower-case locale for carbone's formatters, e.g. `en-in`. */
    readonly lang?: string;
    readonly timezone?: string;
    readonly complement?: Readonly<Record<string, unknown>>;
  }

  export type CarboneRenderCallback = (error: Error | string | null, result: Buffer | string | null) => void;

  export interface Carbone {
    render(templatePath: string, data: object, options: CarboneRenderOptions, callback: CarboneRenderCallback): void;
    /** Formatters are called with the value, then the template's arguments as strings. */
    addFormatters(formatters: Readonly<Record<string, (value: unknown, ...args: unknown[]) => unknown>>): void;
  }

  const carbone: Carbone;
  export = carbone;
}
