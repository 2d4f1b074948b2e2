/**
 * Check-in by booking code: the desk scans the customer's QR code with the device's camera, or types /
 * pastes the code from the confirmation (a USB QR reader types it too). The code is verified on this
 * device with the biz's public key (works offline) and again by the server; other bizes', forged, used
 * and expired codes are refused with the reason.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useEffect, useRef, useState } from 'react';
import { parseCheckInCode } from '../../../../shared/checkin-codes';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import { useMutate } from '../useMutate';

export function CheckInByCode() {
  const { store } = useStore();
  const { mutate, error, clearError } = useMutate();
  const [code, setCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const parsed = code.trim() ? parseCheckInCode(code) : null;
  const booking = useLiveQuery<{ customer_name: string; booking_code: string }>(
    'SELECT customer_name, booking_code FROM booking_orders WHERE id = $1',
    [parsed?.claims.bookingId ?? ''],
  );
  const who = booking?.rows[0];

  const [scanning, setScanning] = useState(false);

  async function submit(value = code, method: 'code' | 'qr' = 'code') {
    setDone(null);
    const bookingId = parseCheckInCode(value)?.claims.bookingId;
    const ok = await mutate('bookings.checkInByCode', {
      code: value.trim(),
      checkpointId: newId('fulfillment_checkpoints'),
      method,
    });
    if (ok) {
      const { rows } = bookingId
        ? await store.pg.query<{ customer_name: string; booking_code: string }>(
            'SELECT customer_name, booking_code FROM booking_orders WHERE id = $1',
            [bookingId],
          )
        : { rows: [] };
      const name = rows[0];
      setDone(`Checked in${name ? `: ${name.customer_name} (${name.booking_code})` : ''}.`);
      setCode('');
    }
  }

  return (
    <section aria-labelledby="checkin-code-title" className="check-in-code">
      <h2 id="checkin-code-title">Check in by code</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          Code
          <input
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              clearError();
              setDone(null);
            }}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="Paste or scan the code"
            aria-describedby="checkin-code-hint"
          />
        </label>
        <p id="checkin-code-hint" className="hint">
          {code.trim() === ''
            ? 'The code is on the booking confirmation.'
            : parsed
              ? who
                ? `${who.customer_name} · ${who.booking_code}`
                : 'That booking is not on this device (yet).'
              : 'This does not look like a check-in code.'}
        </p>
        <button type="submit" disabled={!parsed}>
          Check in
        </button>
        <button
          type="button"
          aria-pressed={scanning}
          onClick={() => {
            clearError();
            setDone(null);
            setScanning(!scanning);
          }}
        >
          {scanning ? 'Stop camera' : 'Scan QR with camera'}
        </button>
      </form>
      {scanning && (
        <CameraScanner
          onCode={(value) => {
            setScanning(false);
            setCode(value);
            void submit(value, 'qr');
          }}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
    </section>
  );
}

/** The part of the Barcode Detection API used here (native in some browsers, else the ZXing ponyfill). */
interface QrDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (opts: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function qrDetector(): Promise<QrDetector> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    return new native({ formats: ['qr_code'] });
  }
  // ZXing in WebAssembly, served with the app (and precached), never from a CDN: scanning works offline.
  const [{ BarcodeDetector, setZXingModuleOverrides }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ]);
  setZXingModuleOverrides({
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  });
  return new BarcodeDetector({ formats: ['qr_code'] });
}

function cameraError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'Camera access was refused. Allow the camera for this site, or type the code.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found; type the code instead.';
  if (name === 'NotReadableError') return 'The camera is in use by another app; close it or type the code.';
  return `The camera could not be started (${err instanceof Error ? err.message : String(err)}); type the code.`;
}

/** Live camera preview that reports the first QR code it reads, then stops the camera. */
function CameraScanner(props: { onCode(value: string): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;
  const [status, setStatus] = useState<{ kind: 'starting' | 'scanning' | 'error'; text: string }>({
    kind: 'starting',
    text: 'Starting the camera…',
  });

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus({ kind: 'error', text: 'This browser offers no camera access here; type the code.' });
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        if (!stopped) setStatus({ kind: 'error', text: cameraError(err) });
        return;
      }
      if (stopped) return stop();
      const el = video.current;
      if (!el) return stop();
      el.srcObject = stream;
      await el.play().catch(() => undefined);
      let detector: QrDetector;
      try {
        detector = await qrDetector();
      } catch (err) {
        setStatus({ kind: 'error', text: `The QR reader could not load (${String(err)}); type the code.` });
        return stop();
      }
      if (stopped) return;
      setStatus({ kind: 'scanning', text: 'Hold the QR code in front of the camera.' });
      const tick = async () => {
        if (stopped) return;
        if (el.readyState >= el.HAVE_CURRENT_DATA) {
          const found = await detector.detect(el).catch(() => []);
          const value = found.find((f) => f.rawValue.trim())?.rawValue.trim();
          if (value && !stopped) {
            stop();
            onCode.current(value);
            return;
          }
        }
        timer = setTimeout(tick, 150);
      };
      void tick();
    })();
    return stop;
  }, []);

  return (
    <div className="qr-scanner">
      <video ref={video} muted playsInline aria-label="Camera preview" width={320} height={240} />
      <p role="status" className={status.kind === 'error' ? 'error' : 'hint'}>
        {status.text}
      </p>
    </div>
  );
}
