#!/usr/bin/env bash
# npm run deploy — functions, database collections + indexes, and the H5 console to CloudBase.
# Needs: ENV_ID=<CloudBase env id> and a CloudBase CLI login (npx --yes @cloudbase/cli@2 login).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ENV_ID:?set ENV_ID to your CloudBase environment id (云开发控制台 → 环境 ID)}"
TCB="npx --yes @cloudbase/cli@2"
# Filled into cloudbaserc.json's {{env.NAME}}: printed 小程序码 open the released version unless
# told otherwise (trial before the first release); the H5 address is optional.
export JIEFANG_WXACODE_ENV="${JIEFANG_WXACODE_ENV:-release}" JIEFANG_PUBLIC_URL="${JIEFANG_PUBLIC_URL:-}"

npm run build:functions
TARO_APP_CLOUDBASE_ENV="$ENV_ID" npm run build:weapp
TARO_APP_TRANSPORT=cloudbase TARO_APP_CLOUDBASE_ENV="$ENV_ID" npm run build:h5
node scripts/deploy-check.mjs

# Every function cloudbaserc.json declares (runtime, memory, timeout, env).
for fn in $(node -e "console.log(require('./cloudbaserc.json').functions.map((f) => f.name).join(' '))"); do
  $TCB fn deploy "$fn" --force -e "$ENV_ID"
done
# Timer triggers from cloudbaserc.json (sla-timer every minute, rental-timer daily), created
# explicitly (`tcb fn trigger create`) so timers never depend on what a function deploy carries.
# Replaced on every deploy, so a changed schedule takes effect; the delete fails harmlessly on a
# first deploy, when there is nothing to delete yet.
for fn in $(node -e "console.log(require('./cloudbaserc.json').functions.filter((f) => (f.triggers || []).length).map((f) => f.name).join(' '))"); do
  $TCB fn trigger delete "$fn" -e "$ENV_ID" --yes >/dev/null 2>&1 || true
  $TCB fn trigger create "$fn" -e "$ENV_ID" --yes
done
# Collections and their indexes through the framework's database plugin (cloudbaserc.json framework).
ENV_ID="$ENV_ID" $TCB framework deploy -e "$ENV_ID"
# The H5 build (console and desk pages) on static hosting.
$TCB hosting deploy dist-h5 / -e "$ENV_ID"
echo "deployed to $ENV_ID; upload the mini-program from WeChat DevTools (miniprogram/)."
