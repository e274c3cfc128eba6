#!/usr/bin/python3
# Verifies the document signatures of an ODF file with LibreOffice itself (UNO, headless): an
# independent verifier for what `dossier sign` writes. Needs Debian's python3-uno and soffice.
# Prints one line per signature, "valid=True|False cert=<subject>", then "count=N".
# Usage: /usr/bin/python3 scripts/lo-verify-signatures.py FILE.odt [PROFILE_DIR]
import sys, subprocess, time, os, signal, tempfile, socket, uno
from com.sun.star.beans import PropertyValue

path = os.path.abspath(sys.argv[1])
profile = "file://" + (os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="dossier-lo-"))
# A free port on the loopback interface.
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless", "--invisible", "--nologo", "--norestore",
                           "--accept=socket,host=127.0.0.1,port=%d;urp;" % port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          start_new_session=True)
# `soffice` is a launcher script that starts soffice.bin: the whole process group is ended below,
# or soffice.bin would outlive this script.
ctx = None
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
            break
        except Exception:
            time.sleep(0.5)
    smgr = ctx.ServiceManager
    storage_factory = smgr.createInstanceWithContext("com.sun.star.embed.StorageFactory", ctx)
    fmt = PropertyValue()
    fmt.Name = "StorageFormat"
    fmt.Value = "ZipFormat"
    storage = uno.invoke(storage_factory, "createInstanceWithArguments", ((uno.systemPathToFileUrl(path), 1, uno.Any("[]com.sun.star.beans.PropertyValue", (fmt,))),))
    signatures = smgr.createInstanceWithArgumentsAndContext("com.sun.star.security.DocumentDigitalSignatures", ("1.2", True), ctx)
    infos = signatures.verifyDocumentContentSignatures(storage, None)
    for info in infos:
        print("valid=%s cert=%s" % (info.SignatureIsValid, info.Signer.SubjectName if info.Signer else None))
    print("count=%d" % len(infos))
finally:
    try:
        if ctx is not None:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
    except Exception:
        pass
    try:
        os.killpg(office.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        pass
    # Whatever of the group is still there after the launcher ended.
    for _ in range(40):
        try:
            os.killpg(office.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.25)
    else:
        try:
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
