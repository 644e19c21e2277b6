"""Everything about the package is in pyproject.toml; this file only ships one .pth file.

``presidio_gliner2_autoload.pth`` must sit at the top of site-packages, where no package data can
go: its one line imports ``presidio_gliner2_autoload``, which makes Presidio load GLiNER2Recognizer
whenever Presidio itself is imported (see that module). build_py writes it into the wheel's root
(build_lib) and, for ``pip install -e .``, into the editable wheel (setuptools' editable_wheel
installs build_py's library files only through its own mapping, but writes everything under the
``install`` command's ``install_lib`` into the wheel as it is).
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

PTH_NAME = "presidio_gliner2_autoload.pth"
PTH_LINE = "import presidio_gliner2_autoload\n"


class build_py_with_pth(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            target = self.get_finalized_command("install").install_lib  # the unpacked editable wheel
        else:
            target = self.build_lib
        os.makedirs(target, exist_ok=True)
        with open(os.path.join(target, PTH_NAME), "w", encoding="utf-8") as pth:
            pth.write(PTH_LINE)

    def get_outputs(self, *args, **kwargs):
        outputs = super().get_outputs(*args, **kwargs)
        if not getattr(self, "editable_mode", False):
            outputs.append(os.path.join(self.build_lib, PTH_NAME))
        return outputs


setup(cmdclass={"build_py": build_py_with_pth})
