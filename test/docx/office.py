"""Run LibreOffice jobs through one headless soffice, for the .docx tests.

Reads a JSON list of jobs on standard input, each
  {"input": path, "output": path, "as": "docx" | "text" | "pdf", "changes": "accept" | "reject" | "keep"}
loads each input hidden, accepts or rejects every tracked change if asked, stores it with the
filter for "as", and prints one JSON line per job: {"output": path} or {"error": message}.
Starting soffice takes seconds, so one process serves every job of a test file.

Run with Debian's /usr/bin/python3 (python3-uno); needs libreoffice-writer-nogui.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

FILTERS = {"docx": "MS Word 2007 XML", "text": "Text (encoded)", "pdf": "writer_pdf_Export"}


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def connect(pipe, soffice):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if soffice.poll() is not None or time.time() > deadline:
                raise SystemExit(f"soffice did not start (exit {soffice.poll()})")
            time.sleep(0.2)


def run(jobs):
    profile = tempfile.mkdtemp(prefix="destigma-lo-")
    pipe = f"destigma{os.getpid()}"
    soffice = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe, soffice)
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for job in jobs:
            try:
                url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
                document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
                if document is None:
                    raise RuntimeError("LibreOffice could not open it")
                try:
                    changes = job.get("changes", "keep")
                    if changes != "keep":
                        command = ".uno:AcceptAllTrackedChanges" if changes == "accept" else ".uno:RejectAllTrackedChanges"
                        dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
                    options = [prop("FilterName", FILTERS[job["as"]])]
                    if job["as"] == "text":
                        options.append(prop("FilterOptions", "UTF8,LF"))
                    document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["output"])), tuple(options))
                finally:
                    document.close(True)
                print(json.dumps({"output": job["output"]}), flush=True)
            except Exception as error:
                print(json.dumps({"error": f"{job['input']}: {error}"}), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            soffice.wait(timeout=20)
        except subprocess.TimeoutExpired:
            soffice.kill()


if __name__ == "__main__":
    run(json.load(sys.stdin))
