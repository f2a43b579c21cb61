#!/usr/bin/env bash
# The README walkthrough: one 开办餐饮店 case from intake to closed, as eight people of four agencies.
# Needs a running Tongban (bin/start) and curl + jq.
set -e
API=http://localhost:8080/api
login() { curl -s -X POST $API/auth/login -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Tongban@2026\"}" | jq -r .token.accessToken; }
CLERK=$(login zhangli)
CASE=$(curl -s -X POST $API/cases -H "Authorization: Bearer $CLERK" -H 'Content-Type: application/json' \
  -d '{"bundleCode":"OPEN_RESTAURANT","applicantType":"ENTERPRISE","applicantName":"杭州知味小馆餐饮有限公司","applicantIdNumber":"91330106MA2K88880X","applicantPhone":"0571-88000000"}' | jq -r .id)
echo "case $CASE"
# do <user> <activity> <decision> <opinion>: complete the user's task of that step on the case
do_task() {
  T=$(login $1)
  TASK=$(curl -s "$API/tasks?size=100" -H "Authorization: Bearer $T" | jq -r --argjson c $CASE --arg a $2 '.items[] | select(.subject.id==$c and .activityId==$a) | .id')
  curl -s -o /dev/null -w "$1 $2 → %{http_code}\n" -X POST $API/tasks/$TASK/complete -H "Authorization: Bearer $T" \
    -H 'Content-Type: application/json' -d "{\"decision\":\"$3\",\"opinion\":\"$4\"}"
}
do_task zhangli intake ACCEPT 材料齐全，予以受理
for u in liqiang:handle zhaomin:review sunwei:leaderApproval zhouhao:handle wujun:review zhenggang:leaderApproval \
         fengyan:handle chenlei:review yangfan:handle zhuhong:review; do
  do_task ${u%%:*} ${u##*:} GRANT 同意
done
do_task chenjing deliver DELIVERED 窗口领取
curl -s $API/cases/$CASE -H "Authorization: Bearer $CLERK" | jq '{caseNumber, status, outcome, timeline: [.timeline[] | "\(.activityName) \(.actorName) \(.decision // "")"]}'
