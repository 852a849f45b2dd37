/**
 * The Python side of the LibreOffice converter, run as `python3 -c UNO_BRIDGE_SCRIPT <soffice.bin>
 * <pipe name> <profile URL>`. It starts soffice.bin itself so that the office dies with it
 * (PR_SET_PDEATHSIG), connects over a named pipe, answers `READY`, then converts one JSON
 * request a line (`{"id","input","output"}`, file URLs) into one JSON answer a line. It exits when
 * its stdin closes, so a host that dies, even by SIGKILL, leaves no office behind.
 *
 * Carbone ships a similar script (lib/converter.py), but its process pair is a module singleton
 * that orphans LibreOffice on SIGTERM; this one belongs to one converter instance.
 */
export const UNO_BRIDGE_SCRIPT = String.raw`
import ctypes, json, os, signal, subprocess, sys, threading, time

soffice, pipe_name, profile_url = sys.argv[1], sys.argv[2], sys.argv[3]

def die_with_parent():
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG, Linux only
    except (OSError, AttributeError):
        pass  # elsewhere the host's process-group kill and the stdin EOF still apply

def launch():
    return subprocess.Popen(
    [soffice, "--headless", "--invisible", "--nocrashreport", "--nodefault", "--nologo",
     "--nofirststartwizard", "--norestore", "--nolockcheck",
     "--accept=pipe,name=" + pipe_name + ";urp;StarOffice.ComponentContext",
     "-env:UserInstallation=" + profile_url],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    preexec_fn=die_with_parent)

die_with_parent()
office = launch()

import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

sending = threading.Lock()  # the watcher thread writes too: one whole line at a time

def send(message):
    with sending:
        sys.stdout.write(json.dumps(message) + "\n")
        sys.stdout.flush()

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
context = None
for _ in range(600):
    if office.poll() == 81:
        # Exit code 81 asks for a restart: the office has just created its user profile.
        office = launch()
    elif office.poll() is not None:
        send({"fatal": "soffice.bin exited with code %s while starting" % office.returncode})
        sys.exit(3)
    try:
        context = resolver.resolve("uno:pipe,name=" + pipe_name + ";urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.05)
if context is None:
    send({"fatal": "soffice.bin did not accept a connection"})
    office.kill()
    sys.exit(3)
office_died = threading.Event()

def exit_when_office_dies(process):
    process.wait()
    office_died.set()
    send({"officeDied": True})  # at once: the host stops handing this office work
    time.sleep(0.2)  # lets the main thread report the request it was serving
    os._exit(5)

# A dead office makes the whole bridge exit, so the host restarts it before the next request.
threading.Thread(target=exit_when_office_dies, args=(office,), daemon=True).start()
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
send({"ready": True, "officePid": office.pid})

for line in sys.stdin:
    request = json.loads(line)
    document = None
    try:
        document = desktop.loadComponentFromURL(request["input"], "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
        if document is None:
            raise RuntimeError("LibreOffice could not open the document")
        document.storeToURL(request["output"], (prop("FilterName", "writer_pdf_Export"),))
        send({"id": request["id"], "ok": True})
    except Exception as error:
        # poll() says nothing while the watcher thread waits on the office, hence the event.
        if "Disposed" in type(error).__name__ or office_died.wait(0.5):
            send({"id": request["id"], "ok": False, "crashed": True, "error": "soffice.bin died: %s" % error})
            sys.exit(4)
        send({"id": request["id"], "ok": False, "error": str(error)})
    finally:
        if document is not None:
            try:
                document.close(True)
            except Exception:
                pass

office.kill()
`;
