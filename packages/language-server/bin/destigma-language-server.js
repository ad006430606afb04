#!/usr/bin/env node
// A committed entry point, so that installing the workspace can link the bin before dist/ is built.
import '../dist/server.js'
