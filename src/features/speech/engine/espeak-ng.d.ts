// The espeak-ng package ships an Emscripten module factory without type declarations; this covers what we use.
declare module 'espeak-ng' {
  interface EmscriptenFsStream {
    fd: number;
  }
  interface EmscriptenFs {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
    analyzePath(path: string): { exists: boolean };
    streams: (EmscriptenFsStream | null | undefined)[];
    close(stream: EmscriptenFsStream): void;
  }
  export interface ESpeakNgModule {
    FS: EmscriptenFs;
    HEAPU8: Uint8Array;
    HEAPU32: Uint32Array;
    _main(argc: number, argv: number): number;
  }
  export interface ESpeakNgOptions {
    arguments?: string[];
    noInitialRun?: boolean;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) => object;
  }
  export default function ESpeakNg(options?: ESpeakNgOptions): Promise<ESpeakNgModule>;
}
