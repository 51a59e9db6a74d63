<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>住户信息（已退住，只读）</source>
        <translation>Resident (discharged, read-only)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd，可不填</source>
        <translation>yyyy-MM-dd, optional</translation>
    </message>
    <message>
        <source>放弃已填写的内容？</source>
        <translation>Discard what you have typed?</translation>
    </message>
    <message>
        <source>放弃已填写的内容？关闭后，刚才填写的内容不会保存。</source>
        <translation>Discard what you have typed? If you close the form, what you typed is not saved.</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>床位</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>{status}（超期 {n} 天）</source>
        <translation>{status} ({n} days overdue)</translation>
    </message>
    <message>
        <source>{status}（更正撤销）</source>
        <translation>{status} (withdrawn by an amendment)</translation>
    </message>
    <message>
        <source>批准人：{name}</source>
        <translation>approved by {name}</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>隐患等级</source>
        <translation>Hazard level</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification measure</translation>
    </message>
    <message>
        <source>整改责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>整改完成日期</source>
        <translation>Rectified on</translation>
    </message>
    <message>
        <source>复查</source>
        <translation>Re-check</translation>
    </message>
    <message>
        <source>整改照片</source>
        <translation>Rectification photos</translation>
    </message>
    <message>
        <source>处理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>之后状态</source>
        <translation>Status after</translation>
    </message>
    <message>
        <source>原因/说明</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <source>{date} {type}「{checklist}」（{version}版）第 {code} 项，检查人 {who}</source>
        <translation>{date} {type} &quot;{checklist}&quot; ({version}), item {code}, inspectors {who}</translation>
    </message>
    <message>
        <source>单独登记或台账导入</source>
        <translation>registered by hand or imported from a ledger</translation>
    </message>
    <message>
        <source>（原期限 {d}，已延期）</source>
        <translation> (originally {d}, extended)</translation>
    </message>
    <message>
        <source>{by}，{on} 复查通过并销号</source>
        <translation>re-checked and closed by {by} on {on}</translation>
    </message>
    <message>
        <source>⚠ 已超过整改期限 {n} 天，请尽快整改并复查销号。</source>
        <translation>⚠ {n} days past the deadline: rectify, re-check and close it soon.</translation>
    </message>
    <message>
        <source>开始整改</source>
        <translation>Start rectifying</translation>
    </message>
    <message>
        <source>提交复查…</source>
        <translation>Submit for re-check…</translation>
    </message>
    <message>
        <source>复查通过…</source>
        <translation>Re-check passed…</translation>
    </message>
    <message>
        <source>打回…</source>
        <translation>Send back…</translation>
    </message>
    <message>
        <source>延期…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>只列出空闲床位。</source>
        <translation>Only free beds are listed.</translation>
    </message>
    <message>
        <source>没有符合条件的空闲床位。</source>
        <translation>No free bed matches.</translation>
    </message>
    <message>
        <source>外出返回</source>
        <translation>Return from leave</translation>
    </message>
    <message>
        <source>返回日期</source>
        <translation>Return date</translation>
    </message>
    <message>
        <source>例如：3号楼</source>
        <translation>e.g. Building 3</translation>
    </message>
    <message>
        <source>例如：2层</source>
        <translation>e.g. 2F</translation>
    </message>
    <message>
        <source>请填写房间号范围，例如 201 到 220。</source>
        <translation>Enter a room range, e.g. 201 to 220.</translation>
    </message>
    <message>
        <source>{first}–{last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>将在{floors}添加 {rooms} 间 × {per} 床 = {count} 张{kind}床位（{first} … {last}）</source>
        <translation>Adds {rooms} rooms × {per} beds = {count} {kind} beds on {floors} ({first} … {last})</translation>
    </message>
    <message>
        <source>（未填楼层）</source>
        <translation>(no floor yet)</translation>
    </message>
    <message>
        <source>老年人能力评估（GB/T 42195-2022）</source>
        <translation>Ability assessment (GB/T 42195-2022)</translation>
    </message>
    <message>
        <source>住户</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>评估日期</source>
        <translation>Assessed on</translation>
    </message>
    <message>
        <source>评估原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>评估员</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>— 请选择 —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>等级调整</source>
        <translation>Level adjustments</translation>
    </message>
    <message>
        <source>确诊认知障碍/痴呆或其他精神障碍（提高一级）</source>
        <translation>Diagnosed dementia or other mental disorder (one level worse)</translation>
    </message>
    <message>
        <source>近30天风险事件：</source>
        <translation>Risk events in the last 30 days:</translation>
    </message>
    <message>
        <source>评估历史</source>
        <translation>Earlier assessments</translation>
    </message>
    <message>
        <source>已按上次评估（{date}，{total}分）预填，请逐项核对，有变化的改选。</source>
        <translation>Filled in from the last assessment ({date}, {total} points): check each item and change what has changed.</translation>
    </message>
    <message>
        <source>还有 {n} 项未评分：{items}</source>
        <translation>{n} items not scored yet: {items}</translation>
    </message>
    <message>
        <source>已评 {done}/{all} 项  总分 {total}/{max}</source>
        <translation>{done}/{all} items scored  total {total}/{max}</translation>
    </message>
    <message>
        <source>  能力等级：{level}</source>
        <translation>  Ability level: {level}</translation>
    </message>
    <message>
        <source>（总分对应{base}，经调整）</source>
        <translation> (total gives {base}; adjusted)</translation>
    </message>
    <message>
        <source>登录 — {name}</source>
        <translation>Log in — {name}</translation>
    </message>
    <message>
        <source>这是演示数据。演示账号：{user}，密码：{password}</source>
        <translation>This is demo data. Demo account: {user}, password: {password}</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>数据库已损坏</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <source>数据库文件 {file} 已损坏，无法打开。</source>
        <translation>The database file {file} is damaged and cannot be opened.</translation>
    </message>
    <message>
        <source>没有找到能打开的备份（备份文件夹：{folder}）。请联系技术支持。</source>
        <translation>No backup that opens was found (backup folder: {folder}). Please contact support.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>最近一份完好的备份是 {date} 的（{kind}）。恢复它吗？{date} 以后录入的内容会丢失；损坏的文件会移到旁边保留，不会删除。</source>
        <translation>The newest good backup is from {date} ({kind}). Restore it? What was entered after {date} will be lost; the damaged file is moved aside and kept, not deleted.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>重置密码：{name}（{user}）</source>
        <translation>Reset password: {name} ({user})</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>忘记了所有密码？用恢复密钥</source>
        <translation>Forgot every password? Use the recovery key</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>选择机构</source>
        <translation>Choose institution</translation>
    </message>
    <message>
        <source>此数据库中有 {n} 家机构，请选择要打开的机构：</source>
        <translation>This database holds {n} institutions. Choose one to open:</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>护理员与培训</source>
        <translation>Care workers &amp; training</translation>
    </message>
    <message>
        <source>安全检查</source>
        <translation>Safety inspections</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>保育员与培训</source>
        <translation>Childcare workers &amp; training</translation>
    </message>
    <message>
        <source>民政桌面 — {name}</source>
        <translation>mzdesk — {name}</translation>
    </message>
    <message>
        <source>数据库：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>用户：{name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>用户：未登录</source>
        <translation>User: not logged in</translation>
    </message>
    <message>
        <source>（外出）</source>
        <translation> (on leave)</translation>
    </message>
    <message>
        <source>{status}，住户外出中</source>
        <translation>{status}, resident on leave</translation>
    </message>
    <message>
        <source>外出中</source>
        <translation>on leave</translation>
    </message>
    <message>
        <source>床位一览</source>
        <translation>Bed board</translation>
    </message>
    <message>
        <source>批量添加床位</source>
        <translation>Add beds in bulk</translation>
    </message>
    <message>
        <source>{room}室</source>
        <translation>Room {room}</translation>
    </message>
    <message>
        <source>还没有床位。点击“批量添加床位”，例如 3号楼 2层 201–220，每间2床。</source>
        <translation>No beds yet. Click “Add beds in bulk”, e.g. 3号楼 2层 201–220, 2 beds each.</translation>
    </message>
    <message>
        <source>共 {n} 张床位，空闲 {free} 张</source>
        <translation>{n} beds, {free} free</translation>
    </message>
    <message>
        <source>恢复使用</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <source>停用此床位</source>
        <translation>Take this bed out of service</translation>
    </message>
    <message>
        <source>入住到此床位…</source>
        <translation>Admit into this bed…</translation>
    </message>
    <message>
        <source>床位历史…</source>
        <translation>Bed history…</translation>
    </message>
    <message>
        <source>在住人数</source>
        <translation>Residents in house</translation>
    </message>
    <message>
        <source>外出人数</source>
        <translation>On leave</translation>
    </message>
    <message>
        <source>入住率</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <source>空闲床位</source>
        <translation>Free beds</translation>
    </message>
    <message>
        <source>空闲{kind}床位</source>
        <translation>Free {kind} beds</translation>
    </message>
    <message>
        <source>未销号隐患</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>今天是 {date} {weekday}</source>
        <translation>Today is {date}, {weekday}</translation>
    </message>
    <message>
        <source>尚未打印恢复单：如果所有密码都遗失，只有它能打开数据。请到「设置」打印。</source>
        <translation>The recovery sheet has not been printed: if every password is lost, only it opens the data. Print it under Settings.</translation>
    </message>
    <message>
        <source>不含外出人员</source>
        <translation>Not counting residents on leave</translation>
    </message>
    <message>
        <source>外出期间保留床位</source>
        <translation>Their beds are kept</translation>
    </message>
    <message>
        <source>{occupied} / {in_service} 张在用床位</source>
        <translation>{occupied} of {in_service} beds in service</translation>
    </message>
    <message>
        <source>共 {total} 张床位，停用 {out} 张</source>
        <translation>{total} beds, {out} out of service</translation>
    </message>
    <message>
        <source>其中 {n} 项已超过整改期限</source>
        <translation>{n} of them past the deadline</translation>
    </message>
    <message>
        <source>无超期隐患</source>
        <translation>Nothing overdue</translation>
    </message>
    <message>
        <source>· {text}（超期 {days} 天）</source>
        <translation>· {text} ({days} days overdue)</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>日志</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>我的账号</source>
        <translation>My account</translation>
    </message>
    <message>
        <source>{name}（{user}），角色：{role}</source>
        <translation>{name} ({user}), role: {role}</translation>
    </message>
    <message>
        <source>重新启动程序后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
    <message>
        <source>筛选：姓名或拼音</source>
        <translation>Filter: name or pinyin</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>选中该岗位</source>
        <translation>Select this occupation</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>考核结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>计入学时</source>
        <translation>Hours credited</translation>
    </message>
    <message>
        <source>已选 {n} 人（共 {total} 人在职），其中未合格 {failed} 人</source>
        <translation>{n} selected (of {total} employed), {failed} not passed</translation>
    </message>
    <message>
        <source>新增证书</source>
        <translation>Add certificate</translation>
    </message>
    <message>
        <source>修改证书</source>
        <translation>Edit certificate</translation>
    </message>
    <message>
        <source>删除证书</source>
        <translation>Remove certificate</translation>
    </message>
    <message>
        <source>作废证书</source>
        <translation>Revoke certificate</translation>
    </message>
    <message>
        <source>如：姓名有误、重复签发</source>
        <translation>e.g. wrong name, issued twice</translation>
    </message>
    <message>
        <source>证书编号</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>作废原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>培训合格证书</source>
        <translation>Training certificates</translation>
    </message>
    <message>
        <source>签发日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>签发并打印</source>
        <translation>Issue and print</translation>
    </message>
    <message>
        <source>打印所选</source>
        <translation>Print selected</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>重新签发…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <source>为所选人员作废的证书签发一份新证书（如改正姓名后）</source>
        <translation>Issue a new certificate in place of the selected person&apos;s revoked one (after a name is corrected, say)</translation>
    </message>
    <message>
        <source>证书样式…</source>
        <translation>Certificate style…</translation>
    </message>
    <message>
        <source>身份证号是否完整、是否印累计学时、颁发单位</source>
        <translation>Full or masked ID number, cumulative hours, issuer</translation>
    </message>
    <message>
        <source>考核合格的参训人员及其证书。已签发的证书再次打印不会重复签发；作废的证书不会自动补发，需选中后点“重新签发”。</source>
        <translation>Those who passed and their certificates. Printing again issues nothing twice; a revoked certificate is not replaced unless you select it and click Reissue.</translation>
    </message>
    <message>
        <source>%1（%2，%3 学时）</source>
        <translation>%1 (%2, %3 hours)</translation>
    </message>
    <message>
        <source> 至 </source>
        <translation> – </translation>
    </message>
    <message>
        <source>未签发</source>
        <translation>not issued</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>revoked</translation>
    </message>
    <message>
        <source>重新签发</source>
        <translation>Reissue</translation>
    </message>
    <message>
        <source>为「{name}」重新签发一份证书？作废的 {serial} 仍保持作废。</source>
        <translation>Issue a new certificate for {name}? The revoked {serial} stays revoked.</translation>
    </message>
    <message>
        <source>请先选择一份已签发的证书。</source>
        <translation>Select an issued certificate first.</translation>
    </message>
    <message>
        <source>这次培训还没有可打印的证书。</source>
        <translation>This session has no certificates to print yet.</translation>
    </message>
    <message>
        <source>正在生成证书…</source>
        <translation>Making the certificates…</translation>
    </message>
    <message>
        <source>请先选择一份有效的证书。</source>
        <translation>Select a valid certificate first.</translation>
    </message>
    <message>
        <source>技能等级</source>
        <translation>Skill level</translation>
    </message>
    <message>
        <source>发证机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>发证日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>计入持证</source>
        <translation>Counts as certified</translation>
    </message>
    <message>
        <source>证书</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>每年学时</source>
        <translation>Hours per year</translation>
    </message>
    <message>
        <source>编辑资料</source>
        <translation>Edit particulars</translation>
    </message>
    <message>
        <source>双击打开这次培训</source>
        <translation>Double-click to open the session</translation>
    </message>
    <message>
        <source>护理员：{name}</source>
        <translation>Care worker: {name}</translation>
    </message>
    <message>
        <source>身份证号：{value}</source>
        <translation>ID number: {value}</translation>
    </message>
    <message>
        <source>技能等级：{value}</source>
        <translation>Skill level: {value}</translation>
    </message>
    <message>
        <source>入职日期：{value}</source>
        <translation>Hired on: {value}</translation>
    </message>
    <message>
        <source>离职日期：{value}</source>
        <translation>Left on: {value}</translation>
    </message>
    <message>
        <source>联系电话：{value}</source>
        <translation>Phone: {value}</translation>
    </message>
    <message>
        <source>备注：{value}</source>
        <translation>Note: {value}</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>证书（{n}）</source>
        <translation>Certificates ({n})</translation>
    </message>
    <message>
        <source>培训记录（{n}）</source>
        <translation>Training ({n})</translation>
    </message>
    <message>
        <source>删除「{name}」的证书「{certificate}」？删除记入修改历史。</source>
        <translation>Remove {name}&apos;s certificate &quot;{certificate}&quot;? The removal is kept in the history.</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音或身份证号尾号</source>
        <translation>Search: name, pinyin or ID</translation>
    </message>
    <message>
        <source>按姓名（张三）、拼音（zhangsan、zhang san、zhangs、zs）或身份证号后几位查找。</source>
        <translation>Find by name (张三), pinyin (zhangsan, zhang san, zhangs, zs) or the last digits of the ID number.</translation>
    </message>
    <message>
        <source>显示离职人员</source>
        <translation>Show leavers</translation>
    </message>
    <message>
        <source>入院材料：{caption}</source>
        <translation>Intake document: {caption}</translation>
    </message>
    <message>
        <source>仅供查看，每次打开均记入审计日志。请勿拍照或另行保存。</source>
        <translation>For viewing only; every opening is recorded in the audit log. Do not photograph or save it elsewhere.</translation>
    </message>
    <message>
        <source>无法显示这份材料。</source>
        <translation>This document cannot be shown.</translation>
    </message>
    <message>
        <source>（无说明）</source>
        <translation>(no caption)</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>打开这份材料；每次打开都记入审计日志。</source>
        <translation>Open this document; every opening is recorded in the audit log.</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>离职</source>
        <translation>Record leaving</translation>
    </message>
    <message>
        <source>离职登记有误时使用：恢复为在职，清除离职日期</source>
        <translation>For a leave entered in error: active again, the leaving date cleared</translation>
    </message>
    <message>
        <source>入职日期</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <source>离职日期</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>在职人员 {n} 人，其中保育员 {care} 人</source>
        <translation>{n} employed, {care} of them childcare workers</translation>
    </message>
    <message>
        <source>在职人员 {n} 人，其中护理员 {care} 人</source>
        <translation>{n} employed, {care} of them care workers</translation>
    </message>
    <message>
        <source>保育员</source>
        <translation>Childcare workers</translation>
    </message>
    <message>
        <source>培训记录</source>
        <translation>Training sessions</translation>
    </message>
    <message>
        <source>培训矩阵</source>
        <translation>Training matrix</translation>
    </message>
    <message>
        <source>撤销离职</source>
        <translation>Undo leaving</translation>
    </message>
    <message>
        <source>「{name}」的离职登记有误？撤销后恢复为在职，离职日期清除，记入修改历史。</source>
        <translation>Was {name}&apos;s leaving entered in error? Undoing makes them active again and clears the date; the change is kept in the history.</translation>
    </message>
    <message>
        <source>新建培训（批量签到）</source>
        <translation>New session (mark attendance)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>全部等级</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>只看超期</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>登记隐患…</source>
        <translation>Register a hazard…</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复查…</source>
        <translation>Follow up…</translation>
    </message>
    <message>
        <source>对所选隐患所在的检查进行复查：只带入未销号的隐患</source>
        <translation>Follow up the selected hazard&apos;s inspection: only its hazards not closed are carried forward</translation>
    </message>
    <message>
        <source>整改期限设置…</source>
        <translation>Deadline settings…</translation>
    </message>
    <message>
        <source>（已延期）</source>
        <translation> (extended)</translation>
    </message>
    <message>
        <source>共 {n} 项</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>，{n} 项超期</source>
        <translation>, {n} overdue</translation>
    </message>
    <message>
        <source>打开/修改</source>
        <translation>Open / edit</translation>
    </message>
    <message>
        <source>培训主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>参训</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>共 {n} 次培训</source>
        <translation>{n} sessions</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>通过（已销号）</source>
        <translation>Passed (closed)</translation>
    </message>
    <message>
        <source>打回</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <source>隐患复查</source>
        <translation>Hazard follow-up</translation>
    </message>
    <message>
        <source>复查只带入这次检查尚未销号的隐患。逐项选择“通过”（销号）或“打回”并写明原因。</source>
        <translation>A follow-up carries forward only the inspection&apos;s hazards not yet closed. Mark each &quot;passed&quot; (closed) or &quot;send back&quot; with a reason.</translation>
    </message>
    <message>
        <source>复查日期</source>
        <translation>Re-checked on</translation>
    </message>
    <message>
        <source>复查人</source>
        <translation>Re-checked by</translation>
    </message>
    <message>
        <source>更正检查记录</source>
        <translation>Correct the inspection</translation>
    </message>
    <message>
        <source>原记录保持不变；更正作为新记录保存（更正项的原结果与新结果、原因、更正人和时间）。</source>
        <translation>The original stays as it is; the correction is saved as a record of its own (old and new results of the changed items, the reason, who and when).</translation>
    </message>
    <message>
        <source>不合格项改为合格或不适用：其未销号的隐患以“更正撤销”销号；改为不合格：为该项新开隐患，整改期限自更正之日起算。</source>
        <translation>A failed item amended to passed or not applicable: its hazard not yet closed is closed as withdrawn by the amendment. An item amended to failed: a hazard is opened for it, its deadline counted from the day of the amendment.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>检查项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>例如：现场复核，原记录误判</source>
        <translation>e.g. re-checked on site, recorded wrongly</translation>
    </message>
    <message>
        <source>更正原因</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>保存更正</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>没有更改任何检查项的结果或备注。</source>
        <translation>No item&apos;s result or note was changed.</translation>
    </message>
    <message>
        <source>请填写更正原因。</source>
        <translation>Give the reason for the correction.</translation>
    </message>
    <message>
        <source>打回原因</source>
        <translation>Reason sent back</translation>
    </message>
    <message>
        <source>本次复查的隐患</source>
        <translation>Hazards in this follow-up</translation>
    </message>
    <message>
        <source>这次检查没有未销号的隐患，无需复查。</source>
        <translation>This inspection has no open hazards: nothing to follow up.</translation>
    </message>
    <message>
        <source>历次复查：原检查与复查对照</source>
        <translation>Earlier follow-ups: original against follow-up</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>原整改期限</source>
        <translation>Original deadline</translation>
    </message>
    <message>
        <source>复查时期限</source>
        <translation>Deadline at follow-up</translation>
    </message>
    <message>
        <source>复查结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>保存复查结果</source>
        <translation>Save the follow-up</translation>
    </message>
    <message>
        <source>原检查：{date} {type}「{checklist}」（{version}版），检查人 {who}</source>
        <translation>Inspection: {date} {type} &quot;{checklist}&quot; ({version}), inspectors {who}</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>当前状态</source>
        <translation>Status now</translation>
    </message>
    <message>
        <source>{d}（超期 {n} 天）</source>
        <translation>{d} ({n} days overdue)</translation>
    </message>
    <message>
        <source>通过（销号）</source>
        <translation>Passed (close)</translation>
    </message>
    <message>
        <source>打回时必填</source>
        <translation>Required when sent back</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>隐患台账</source>
        <translation>Hazard ledger</translation>
    </message>
    <message>
        <source>检查记录</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>检查表</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>any</translation>
    </message>
    <message>
        <source>新建检查…</source>
        <translation>New inspection…</translation>
    </message>
    <message>
        <source>删除草稿…</source>
        <translation>Discard draft…</translation>
    </message>
    <message>
        <source>检查计划…</source>
        <translation>Schedules…</translation>
    </message>
    <message>
        <source>双随机抽取…</source>
        <translation>Random draws…</translation>
    </message>
    <message>
        <source>日期从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>检查人</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>已检查</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>不合格项</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <source>共 {n} 次检查</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <source>⚠ 有 {n} 项隐患已超过整改期限，请尽快整改并复查销号。</source>
        <translation>⚠ {n} hazards are past their rectification deadline: rectify, re-check and close them.</translation>
    </message>
    <message>
        <source>没有超期未整改的隐患。</source>
        <translation>No hazard is past its deadline.</translation>
    </message>
    <message>
        <source>只能删除草稿；已完成的检查请打开后“更正…”。</source>
        <translation>Only drafts can be discarded; open a finished inspection and use &quot;Correct…&quot;.</translation>
    </message>
    <message>
        <source>删除 {date} 的检查草稿（{title}，已填 {n} 项）？</source>
        <translation>Discard the draft inspection of {date} ({title}, {n} items answered)?</translation>
    </message>
    <message>
        <source>检查已完成并签名，已登记 {n} 项隐患。</source>
        <translation>The inspection is finished and signed; {n} hazards were recorded.</translation>
    </message>
    <message>
        <source>检查已完成并签名。</source>
        <translation>The inspection is finished and signed.</translation>
    </message>
    <message>
        <source>在住与外出</source>
        <translation>In house and on leave</translation>
    </message>
    <message>
        <source>在住</source>
        <translation>In house</translation>
    </message>
    <message>
        <source>外出</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>已退住</source>
        <translation>Discharged</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>在院与家庭寄养</source>
        <translation>In the home and in foster care</translation>
    </message>
    <message>
        <source>在院</source>
        <translation>In the home</translation>
    </message>
    <message>
        <source>已离院</source>
        <translation>Left the home</translation>
    </message>
    <message>
        <source>全部供养类型</source>
        <translation>All support types</translation>
    </message>
    <message>
        <source>全部能力等级</source>
        <translation>All ability levels</translation>
    </message>
    <message>
        <source>全部儿童类别</source>
        <translation>All child categories</translation>
    </message>
    <message>
        <source>显示完整身份证号</source>
        <translation>Show full ID numbers</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音、身份证号尾号或床位号</source>
        <translation>Search: name, pinyin, ID or bed</translation>
    </message>
    <message>
        <source>按姓名（张三）、拼音（zhangsan、zhang san、zhangs、zs）、身份证号后几位、床位号或房间号查找。Ctrl+F</source>
        <translation>Find by name (张三), pinyin (zhangsan, zhang san, zhangs, zs), the last digits of the ID number, or a bed or room number. Ctrl+F</translation>
    </message>
    <message>
        <source>入住登记</source>
        <translation>Admit</translation>
    </message>
    <message>
        <source>查看/编辑</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>换床</source>
        <translation>Transfer bed</translation>
    </message>
    <message>
        <source>退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>能力评估</source>
        <translation>Assess</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>超过 {n} 人</source>
        <translation>more than {n} people</translation>
    </message>
    <message>
        <source>共 {n} 人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>为「{name}」选择床位与入住日期</source>
        <translation>Choose a bed and admission date for {name}</translation>
    </message>
    <message>
        <source>入住日期</source>
        <translation>Admission date</translation>
    </message>
    <message>
        <source>入住登记：选择床位</source>
        <translation>Admission: choose a bed</translation>
    </message>
    <message>
        <source>再次入住：选择床位</source>
        <translation>Re-admission: choose a bed</translation>
    </message>
    <message>
        <source>身份证号 {id} 属于「{name}」，已于 {date} 退住。
为其办理再次入住？沿用原档案（本次填写的内容更新档案），历史保留前后两次入住。</source>
        <translation>ID number {id} belongs to {name}, discharged on {date}.
Re-admit them? Their record is reused (what you typed updates it); the history keeps both stays.</translation>
    </message>
    <message>
        <source>再次入住</source>
        <translation>Re-admit</translation>
    </message>
    <message>
        <source>住户信息：{name}</source>
        <translation>Resident: {name}</translation>
    </message>
    <message>
        <source>为「{name}」换床</source>
        <translation>Move {name} to another bed</translation>
    </message>
    <message>
        <source>换床日期</source>
        <translation>Transfer date</translation>
    </message>
    <message>
        <source>「{name}」外出登记</source>
        <translation>Leave for {name}</translation>
    </message>
    <message>
        <source>「{name}」外出返回</source>
        <translation>{name} returns from leave</translation>
    </message>
    <message>
        <source>为「{name}」办理退住</source>
        <translation>Discharge {name}</translation>
    </message>
    <message>
        <source>床位 {bed} 将变为空闲。</source>
        <translation>Bed {bed} becomes free.</translation>
    </message>
    <message>
        <source>该住户没有占用床位。</source>
        <translation>The resident holds no bed.</translation>
    </message>
    <message>
        <source>为「{name}」办理退住，退住日期 {date}？
{bed}档案保留，转为只读，不能再修改。</source>
        <translation>Discharge {name} on {date}?
{bed} The record is kept, read-only; it can no longer be edited.</translation>
    </message>
    <message>
        <source>确认退住</source>
        <translation>Confirm discharge</translation>
    </message>
    <message>
        <source>未办理退住。</source>
        <translation>Not discharged.</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>供养类型</source>
        <translation>Support type</translation>
    </message>
    <message>
        <source>能力等级</source>
        <translation>Ability level</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Child category</translation>
    </message>
    <message>
        <source>残疾情况</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>接收日期</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <source>{kind}：{name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{message}（详情：{detail}）</source>
        <translation>{message} (details: {detail})</translation>
    </message>
    <message>
        <source>本机时钟比服务器慢约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。</source>
        <translation>This computer&apos;s clock is about {n} minutes behind the server&apos;s. Please correct it, or the order of changes may be judged wrongly.</translation>
    </message>
    <message>
        <source>本机时钟比服务器快约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。</source>
        <translation>This computer&apos;s clock is about {n} minutes ahead of the server&apos;s. Please correct it, or the order of changes may be judged wrongly.</translation>
    </message>
    <message>
        <source>文件待上传 {up} 个、待下载 {down} 个</source>
        <translation>files: {up} to upload, {down} to download</translation>
    </message>
    <message>
        <source>数据已安全保存在本机 · 尚未设置同步</source>
        <translation>Data saved safely on this computer · sync not set up</translation>
    </message>
    <message>
        <source>上次同步 {time}</source>
        <translation>last sync {time}</translation>
    </message>
    <message>
        <source>从未同步</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>待同步 {n} 条</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>冲突 {n} 条</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <source>被退回 {n} 条</source>
        <translation>{n} sent back</translation>
    </message>
    <message>
        <source>时钟偏差 {n} 分钟</source>
        <translation>clock off by {n} min</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同步失败</source>
        <translation>sync failed</translation>
    </message>
    <message>
        <source>同步：</source>
        <translation>Sync: </translation>
    </message>
    <message>
        <source>注册到中心服务器</source>
        <translation>Enrol with the central server</translation>
    </message>
    <message>
        <source>向民政局或机构管理员索取服务器地址和一次性注册码。注册后，本机的修改会自动发送到服务器，其他电脑的修改也会同步到本机。</source>
        <translation>Ask the civil affairs bureau or your administrator for the server address and a one-time enrolment code. Once enrolled, changes made here are sent to the server automatically and changes from other computers arrive here.</translation>
    </message>
    <message>
        <source>例如 http://192.168.1.10:8760</source>
        <translation>e.g. http://192.168.1.10:8760</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>本机名称</source>
        <translation>Computer name</translation>
    </message>
    <message>
        <source>注册并同步</source>
        <translation>Enrol and sync</translation>
    </message>
    <message>
        <source>已核对（完整检查）</source>
        <translation>verified (full check)</translation>
    </message>
    <message>
        <source>已核对（快速检查）</source>
        <translation>verified (quick check)</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>用 {date} 的备份（{kind}）替换当前数据库？</source>
        <translation>Replace the current database with the backup of {date} ({kind})?</translation>
    </message>
    <message>
        <source>{date} 以后录入和修改的所有内容都会丢失。恢复前会先备份当前数据库；恢复后程序会关闭，请重新打开。</source>
        <translation>Everything entered or changed after {date} will be lost. The current database is backed up first; after the restore the app closes: open it again.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>更改文件夹…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>保留</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>每日</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>每周</source>
        <translation>weekly</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>monthly</translation>
    </message>
    <message>
        <source>保存备份设置</source>
        <translation>Save backup settings</translation>
    </message>
    <message>
        <source>正在备份并核对…</source>
        <translation>Backing up and verifying…</translation>
    </message>
    <message>
        <source>已备份并核对：{date}，{size}</source>
        <translation>Backed up and verified: {date}, {size}</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>已恢复 {date} 的备份，请重新打开程序。</source>
        <translation>Restored the backup of {date}; open the app again.</translation>
    </message>
    <message>
        <source>备份设置已保存</source>
        <translation>Backup settings saved</translation>
    </message>
    <message>
        <source>用离线注册文件注册…</source>
        <translation>Enrol from an offline enrolment file…</translation>
    </message>
    <message>
        <source>没有网络的站点：用中心给的离线注册文件（U盘）和注册码注册，之后用U盘同步包同步。</source>
        <translation>For a site without any network: enrol with the offline enrolment file from the centre (USB stick) and its code, then sync with USB bundles.</translation>
    </message>
    <message>
        <source>请填写服务器地址。</source>
        <translation>Enter the server address.</translation>
    </message>
    <message>
        <source>服务器地址的格式不对，应类似 http://192.168.1.10:8760。</source>
        <translation>The server address is not valid; it should look like http://192.168.1.10:8760.</translation>
    </message>
    <message>
        <source>请填写注册码。</source>
        <translation>Enter the enrolment code.</translation>
    </message>
    <message>
        <source>请填写本机名称，便于管理员识别这台电脑。</source>
        <translation>Enter a name for this computer, so the administrator can recognise it.</translation>
    </message>
    <message>
        <source>服务器地址的格式不对。</source>
        <translation>The server address is not valid.</translation>
    </message>
    <message>
        <source>修正被退回的修改</source>
        <translation>Fix a change that was sent back</translation>
    </message>
    <message>
        <source>历史：{name}</source>
        <translation>History: {name}</translation>
    </message>
    <message>
        <source>档案与历史：{name}</source>
        <translation>Record and history: {name}</translation>
    </message>
    <message>
        <source>经历（按日期）</source>
        <translation>Events (by date)</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>修改历史</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>「{name}」的档案及其联系人、外出、住床与评估记录的每一次修改（最新在前）。</source>
        <translation>Every change to the record of {name} and to their contacts, leaves, bed stays and assessments (newest first).</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>After</translation>
    </message>
    <message>
        <source>暂无记录。</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>更正日期…</source>
        <translation>Correct a date…</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>退回原因</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <source>改正下面的值后点“重新发送”。文字照原样填写；数字、是否等其他值按 JSON 填写。</source>
        <translation>Correct the values below, then click “Send again”. Text is entered as it is; numbers, yes/no and other values as JSON.</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>重新发送</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>{field}：这个值不符合要求（格式或长度）</source>
        <translation>{field}: this value does not fit (format or length)</translation>
    </message>
    <message>
        <source>无法重新发送：{error}</source>
        <translation>Cannot send again: {error}</translation>
    </message>
    <message>
        <source>所有修改都已安全保存在本机数据库中，并记录在待同步队列里，不会丢失；注册到中心服务器后会自动发送。没有网络的机构可以用U盘同步包交换数据。</source>
        <translation>Every change is saved in the local database and queued for sync; nothing is lost. Once enrolled with the central server they are sent automatically. Sites without a network can exchange data with USB sync bundles.</translation>
    </message>
    <message>
        <source>同步状态</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>上次成功同步</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>待发送的修改</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <source>待审核的冲突</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>被服务器退回的修改</source>
        <translation>Changes sent back by the server</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>导出U盘同步包…</source>
        <translation>Export USB bundle…</translation>
    </message>
    <message>
        <source>导入U盘同步包…</source>
        <translation>Import USB bundle…</translation>
    </message>
    <message>
        <source>重新注册…</source>
        <translation>Enrol again…</translation>
    </message>
    <message>
        <source>已采用的值</source>
        <translation>Value in use</translation>
    </message>
    <message>
        <source>被覆盖的值</source>
        <translation>Overwritten value</translation>
    </message>
    <message>
        <source>处理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>查看并修正…</source>
        <translation>View and fix…</translation>
    </message>
    <message>
        <source>本机尚未注册到中心服务器，{n} 条修改待同步。所有修改都已安全保存在本机数据库中，并记录在待同步队列里，不会丢失；注册后会自动发送。</source>
        <translation>This computer is not enrolled with the central server yet; {n} changes are waiting. Every change is saved in the local database and queued for sync, so nothing is lost; they are sent automatically once enrolled.</translation>
    </message>
    <message>
        <source>（仅用U盘同步）</source>
        <translation>(USB bundles only)</translation>
    </message>
    <message>
        <source>{name}（设备号 {number}）</source>
        <translation>{name} (device {number})</translation>
    </message>
    <message>
        <source>设备号 {number}</source>
        <translation>device {number}</translation>
    </message>
    <message>
        <source>从未成功同步</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{n} 条</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>上次同步未完成：{message}</source>
        <translation>The last sync did not finish: {message}</translation>
    </message>
    <message>
        <source>待审核的冲突（{n} 条）</source>
        <translation>Conflicts to review ({n})</translation>
    </message>
    <message>
        <source>两台电脑改了同一项内容时，服务器采用后到的修改，先到的值保留在这里。请确认应当保留哪一个；处理结果在下次同步时发送到服务器。</source>
        <translation>When two computers change the same item, the server uses the change that arrived last and keeps the earlier value here. Decide which one to keep; your choice is sent to the server with the next sync.</translation>
    </message>
    <message>
        <source>没有需要审核的冲突。</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <source>保留已采用的值</source>
        <translation>Keep the value in use</translation>
    </message>
    <message>
        <source>改用被覆盖的值</source>
        <translation>Use the overwritten value</translation>
    </message>
    <message>
        <source>{device} · {time}</source>
        <translation>{device} · {time}</translation>
    </message>
    <message>
        <source>未知设备</source>
        <translation>unknown device</translation>
    </message>
    <message>
        <source>被服务器退回的修改（{n} 条）</source>
        <translation>Changes sent back by the server ({n})</translation>
    </message>
    <message>
        <source>这些修改没有被服务器接受，仍保存在本机。选中一条，改正后重新发送。</source>
        <translation>The server did not accept these changes; they are kept here. Select one, correct it and send it again.</translation>
    </message>
    <message>
        <source>没有被退回的修改。</source>
        <translation>No changes were sent back.</translation>
    </message>
    <message>
        <source>正在连接服务器…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>注册没有成功：</source>
        <translation>Enrolment failed: </translation>
    </message>
    <message>
        <source>请先填写与注册文件一起给出的注册码。</source>
        <translation>First type the enrolment code that came with the file.</translation>
    </message>
    <message>
        <source>选择离线注册文件</source>
        <translation>Choose the offline enrolment file</translation>
    </message>
    <message>
        <source>离线注册文件 (*.mzenrol);;所有文件 (*)</source>
        <translation>Offline enrolment files (*.mzenrol);;All files (*)</translation>
    </message>
    <message>
        <source>注册文件与注册码不符，或文件已损坏：{error}</source>
        <translation>The enrolment file does not match the code, or it is damaged: {error}</translation>
    </message>
    <message>
        <source>已用离线注册文件注册，收到 {n} 条记录。之后请用U盘同步包与中心交换数据。</source>
        <translation>Enrolled from the offline file; {n} records received. Exchange data with the centre by USB bundles from now on.</translation>
    </message>
    <message>
        <source>同步失败：</source>
        <translation>Sync failed: </translation>
    </message>
    <message>
        <source>同步完成（{time}）：发送 {sent} 条，收到 {received} 条。</source>
        <translation>Sync finished ({time}): {sent} sent, {received} received.</translation>
    </message>
    <message>
        <source>其中 {n} 条被服务器退回，见下方列表。</source>
        <translation> {n} of them were sent back by the server; see the list below.</translation>
    </message>
    <message>
        <source>冲突已处理，结果将在下次同步时发送到服务器。</source>
        <translation>Conflict resolved; the choice is sent to the server with the next sync.</translation>
    </message>
    <message>
        <source>已重新放入发送队列。</source>
        <translation>Queued to be sent again.</translation>
    </message>
    <message>
        <source>导出U盘同步包</source>
        <translation>Export USB bundle</translation>
    </message>
    <message>
        <source>同步包 (*.{suffix})</source>
        <translation>Sync bundles (*.{suffix})</translation>
    </message>
    <message>
        <source>导入U盘同步包</source>
        <translation>Import USB bundle</translation>
    </message>
    <message>
        <source>无法导出同步包：{error}</source>
        <translation>Cannot export the bundle: {error}</translation>
    </message>
    <message>
        <source>无法写入文件：{error}</source>
        <translation>Cannot write the file: {error}</translation>
    </message>
    <message>
        <source>已把 {n} 条修改导出到 {path}。请把这个文件交到中心导入服务器，再把中心回传的同步包导入本机。</source>
        <translation>Exported {n} changes to {path}. Take this file to the centre to import on the server, then import the bundle the centre gives back on this computer.</translation>
    </message>
    <message>
        <source>无法导入同步包：{error}</source>
        <translation>Cannot import the bundle: {error}</translation>
    </message>
    <message>
        <source>无法读取文件：{error}</source>
        <translation>Cannot read the file: {error}</translation>
    </message>
    <message>
        <source>已导入同步包：收到 {n} 条记录。</source>
        <translation>Bundle imported: {n} records received.</translation>
    </message>
    <message>
        <source>未评估</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>正在处理，请稍候…</source>
        <translation>Working, please wait…</translation>
    </message>
    <message>
        <source>区划名称或代码，如 崂山区、3702</source>
        <translation>District name or code, e.g. 崂山区, 3702</translation>
    </message>
    <message>
        <source>区划</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>统计日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>打印报表（PDF）</source>
        <translation>Print report (PDF)</translation>
    </message>
    <message>
        <source>儿童福利</source>
        <translation>Children&apos;s welfare</translation>
    </message>
    <message>
        <source>安置与离院统计期</source>
        <translation>Placements and leaving from</translation>
    </message>
    <message>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>打印PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Children</translation>
    </message>
    <message>
        <source>在院儿童（按类别）</source>
        <translation>Children in care by category</translation>
    </message>
    <message>
        <source>寻亲公告（公告中的；已过公告期的标红）</source>
        <translation>Family-search notices running (past their deadline in red)</translation>
    </message>
    <message>
        <source>各儿童福利机构</source>
        <translation>Each children&apos;s home</translation>
    </message>
    <message>
        <source>统计日期 {day}；安置与离院：{start} 至 {end}。只有数字，不含儿童姓名与家庭信息。</source>
        <translation>As of {day}; placements and leaving from {start} to {end}. Figures only: no child&apos;s name, no family details.</translation>
    </message>
    <message>
        <source>儿童统计</source>
        <translation>children</translation>
    </message>
    <message>
        <source>无法导出：</source>
        <translation>Cannot export: </translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>按类型的床位数</source>
        <translation>Beds by type</translation>
    </message>
    <message>
        <source>月度趋势：入住率与护理型床位占比（%）</source>
        <translation>Occupancy and nursing-bed share by month (%)</translation>
    </message>
    <message>
        <source>区划{code}</source>
        <translation>region {code}</translation>
    </message>
    <message>
        <source>全部机构</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>入住率（按楼层）</source>
        <translation>Occupancy by floor</translation>
    </message>
    <message>
        <source>入住率（按机构）</source>
        <translation>Occupancy by institution</translation>
    </message>
    <message>
        <source>，前 {shown} 组（共 {total} 组，全部见报表）</source>
        <translation>, first {shown} of {total} (all in the report)</translation>
    </message>
    <message>
        <source>统计日期 {date}；床位数含停用床位，入住率 = 入住床位 / 在用床位。</source>
        <translation>As of {date}; bed counts include beds out of service; occupancy = occupied beds / beds in service.</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>护理型床位</source>
        <translation>Nursing beds</translation>
    </message>
    <message>
        <source>护理型床位占比</source>
        <translation>Nursing-bed share</translation>
    </message>
    <message>
        <source>在用床位</source>
        <translation>Beds in service</translation>
    </message>
    <message>
        <source>入住床位</source>
        <translation>Occupied beds</translation>
    </message>
    <message>
        <source>合计 {n} 家：床位 {beds} 张，护理型床位 {nursing} 张（{share}），在用 {in_service} 张，入住 {occupied} 张（入住率 {rate}），在住 {residents} 人</source>
        <translation>Total, {n} homes: {beds} beds, {nursing} nursing beds ({share}), {in_service} in service, {occupied} occupied (occupancy {rate}), {residents} residents</translation>
    </message>
    <message>
        <source>各机构（点列标题排序，双击查看该机构）</source>
        <translation>Homes side by side (click a column title to sort, double-click a home to open it)</translation>
    </message>
    <message>
        <source>导出各机构 Excel</source>
        <translation>Export homes to Excel</translation>
    </message>
    <message>
        <source>打印各机构</source>
        <translation>Print homes</translation>
    </message>
    <message>
        <source>{area}各机构床位统计</source>
        <translation>{area}Bed figures by home</translation>
    </message>
    <message>
        <source>{area}床位统计报表</source>
        <translation>{area}bed statistics report</translation>
    </message>
    <message>
        <source>标准检查表不能修改：复制为本院版本后编辑草稿，发布后用于检查。已发布的版本不再改变，检查记录始终对应当时使用的版本。</source>
        <translation>Standard checklists cannot be changed: copy one as this home&apos;s version, edit the draft and publish it to use it. A published version never changes, so every inspection keeps the version it used.</translation>
    </message>
    <message>
        <source>项数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>What to check</translation>
    </message>
    <message>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>检查方法</source>
        <translation>What to look at</translation>
    </message>
    <message>
        <source>复制为本院版本</source>
        <translation>Copy as this home&apos;s version</translation>
    </message>
    <message>
        <source>编辑草稿…</source>
        <translation>Edit draft…</translation>
    </message>
    <message>
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>删除草稿</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>导入文件…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <source>导出文件…</source>
        <translation>Export file…</translation>
    </message>
    <message>
        <source>依据：{standard}；默认整改期限 {days} 天</source>
        <translation>Basis: {standard}; default time to rectify {days} days</translation>
    </message>
    <message>
        <source>备注（N）</source>
        <translation>Note (N)</translation>
    </message>
    <message>
        <source>发现的问题、位置……（Esc 返回检查项）</source>
        <translation>What was found, where… (Esc returns to the items)</translation>
    </message>
    <message>
        <source>照片（P）</source>
        <translation>Photos (P)</translation>
    </message>
    <message>
        <source>可把照片文件拖到这里</source>
        <translation>Photo files can be dropped here</translation>
    </message>
    <message>
        <source>键盘：1 合格 · 2 不合格 · 3 不适用 · ↑↓ 上下一项 · N 写备注 · P 加照片</source>
        <translation>Keys: 1 pass · 2 fail · 3 not applicable · ↑↓ previous/next · N note · P photo</translation>
    </message>
    <message>
        <source> · 重大隐患项</source>
        <translation> · major-hazard item</translation>
    </message>
    <message>
        <source>（未核实）</source>
        <translation> (unverified)</translation>
    </message>
    <message>
        <source>依据：{basis}</source>
        <translation>Clause: {basis}</translation>
    </message>
    <message>
        <source>查看要点：{what}</source>
        <translation>Look at: {what}</translation>
    </message>
    <message>
        <source>已更正：原为「{old}」{note}</source>
        <translation>Amended: was &apos;{old}&apos; {note}</translation>
    </message>
    <message>
        <source>右键：删除照片</source>
        <translation>Right-click: remove the photo</translation>
    </message>
    <message>
        <source>删除照片</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>复制为新版本</source>
        <translation>Copy into a new version</translation>
    </message>
    <message>
        <source>已复制为本院草稿，可编辑后发布。</source>
        <translation>Copied into a draft of this home&apos;s own: edit it, then publish it.</translation>
    </message>
    <message>
        <source>草稿已保存。</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>发布检查表</source>
        <translation>Publish checklist</translation>
    </message>
    <message>
        <source>发布「{title}」{version}？发布后不能再修改，修改需另存为新版本。</source>
        <translation>Publish &apos;{title}&apos; {version}? A published version cannot change; to change it, copy it into a new version.</translation>
    </message>
    <message>
        <source>已发布，可在新建检查时选用。</source>
        <translation>Published: it can be chosen for new inspections.</translation>
    </message>
    <message>
        <source>草稿已删除。</source>
        <translation>Draft deleted.</translation>
    </message>
    <message>
        <source>导入检查表文件</source>
        <translation>Import a checklist file</translation>
    </message>
    <message>
        <source>检查表文件 (*.json)</source>
        <translation>Checklist files (*.json)</translation>
    </message>
    <message>
        <source>已导入为本院草稿，请检查后发布。</source>
        <translation>Imported as a draft of this home&apos;s own: check it, then publish it.</translation>
    </message>
    <message>
        <source>导出检查表文件</source>
        <translation>Export the checklist file</translation>
    </message>
    <message>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <source>检查表…</source>
        <translation>Checklists…</translation>
    </message>
    <message>
        <source>民政桌面 mzdesk 本机数据库 {db}</source>
        <translation>mzdesk local database {db}</translation>
    </message>
    <message>
        <source>{label}：{message}</source>
        <translation>{label}: {message}</translation>
    </message>
    <message>
        <source>至少 {n} 位</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>修改角色：{name}</source>
        <translation>Change role: {name}</translation>
    </message>
    <message>
        <source>停用用户</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>启用用户</source>
        <translation>Enable user</translation>
    </message>
    <message>
        <source>停用「{name}」（{user}）？停用后不能登录，其操作记录保留。</source>
        <translation>Disable {name} ({user})? A disabled user cannot log in; their history is kept.</translation>
    </message>
    <message>
        <source>启用「{name}」（{user}）？启用后可以登录。</source>
        <translation>Enable {name} ({user})? They will be able to log in.</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>新建检查计划</source>
        <translation>New schedule</translation>
    </message>
    <message>
        <source>修改检查计划</source>
        <translation>Change schedule</translation>
    </message>
    <message>
        <source>如：每日防火巡查</source>
        <translation>e.g. daily fire patrol</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>请选择频次、检查表和检查类型。</source>
        <translation>Choose a frequency, a checklist and an inspection type.</translation>
    </message>
    <message>
        <source>检查计划</source>
        <translation>Inspection schedules</translation>
    </message>
    <message>
        <source>计划名称</source>
        <translation>Schedule name</translation>
    </message>
    <message>
        <source>频次</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>检查类型</source>
        <translation>Inspection type</translation>
    </message>
    <message>
        <source>新建计划…</source>
        <translation>New schedule…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>删除检查计划</source>
        <translation>Remove schedule</translation>
    </message>
    <message>
        <source>删除检查计划「{name}」？已做的检查记录不受影响。</source>
        <translation>Remove the schedule &apos;{name}&apos;? Inspections already made are kept.</translation>
    </message>
    <message>
        <source>没有可截图的数据库：{path} 不存在或是空文件；请先运行 mzdesk demo --db {path}</source>
        <translation>No database to take screenshots of: {path} does not exist or is empty; run mzdesk demo --db {path} first</translation>
    </message>
    <message>
        <source>不能打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>数据库中没有机构，无法截图；请先运行 mzdesk demo。</source>
        <translation>The database has no institution to show; run mzdesk demo first.</translation>
    </message>
    <message>
        <source>「{name}」没有可以登录的账号，不能打开。请由本机构的管理员添加或启用账号。</source>
        <translation>&quot;{name}&quot; has no account that can log in, so it cannot be opened. Ask an administrator of the institution to add or enable one.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>导入{kind}</source>
        <translation>Import {kind}</translation>
    </message>
    <message>
        <source>请选择要导入的 Excel（.xlsx）或 CSV 文件</source>
        <translation>Choose an Excel (.xlsx) or CSV file to import</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>空白模板…</source>
        <translation>Empty template…</translation>
    </message>
    <message>
        <source>写入全部</source>
        <translation>Write all</translation>
    </message>
    <message>
        <source>只写入无误的行</source>
        <translation>Write only the valid rows</translation>
    </message>
    <message>
        <source>安全检查 — {title}</source>
        <translation>Safety inspection — {title}</translation>
    </message>
    <message>
        <source>完成并签名…</source>
        <translation>Finish and sign…</translation>
    </message>
    <message>
        <source>更正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已更正</source>
        <translation>Amended</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;（{version}） · {date} · {type} · 检查人：{inspectors} · &lt;b&gt;{state}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; ({version}) · {date} · {type} · inspectors: {inspectors} · &lt;b&gt;{state}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>该检查已完成并签名，已锁定；如需更正，请点“更正…”。</source>
        <translation>This inspection is finished, signed and locked; to correct it, use &quot;Correct…&quot;.</translation>
    </message>
    <message>
        <source>该检查已更正 {n} 次；显示的是更正后的结果。</source>
        <translation>This inspection was amended {n} times; the results shown are the corrected ones.</translation>
    </message>
    <message>
        <source>已检查 {answered}/{total} · 不合格 {failed}</source>
        <translation>Answered {answered}/{total} · failed {failed}</translation>
    </message>
    <message>
        <source>您的角色不能进行安全检查，只能查看。</source>
        <translation>Your role cannot carry out inspections; you can only view them.</translation>
    </message>
    <message>
        <source>全部检查项已填写，可以“完成并签名…”。</source>
        <translation>Every item is answered: the inspection can be finished and signed (&quot;Finish and sign…&quot;).</translation>
    </message>
    <message>
        <source>请先选择结果（1 合格 / 2 不合格 / 3 不适用），再写备注。</source>
        <translation>Choose a result first (1 pass / 2 fail / 3 not applicable), then write the note.</translation>
    </message>
    <message>
        <source>还有 {n} 项未填写结果，已跳到第一项：{code}</source>
        <translation>{n} items have no result yet; showing the first: {code}</translation>
    </message>
    <message>
        <source>保存问题清单…</source>
        <translation>Save problem list…</translation>
    </message>
    <message>
        <source>每个问题一行：行号、列、内容、问题（.xlsx 或 .csv）</source>
        <translation>One line per problem: row, column, content, problem (.xlsx or .csv)</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>{kind}导入模板.xlsx</source>
        <translation>{kind} import template.xlsx</translation>
    </message>
    <message>
        <source>保存空白模板</source>
        <translation>Save an empty template</translation>
    </message>
    <message>
        <source>模板已保存到 {path}</source>
        <translation>Template saved to {path}</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>无法导入这个文件。</source>
        <translation>This file cannot be imported.</translation>
    </message>
    <message>
        <source>共{rows}行：{valid}行无误，{invalid}行有问题。</source>
        <translation>{rows} rows: {valid} valid, {invalid} with problems. </translation>
    </message>
    <message>
        <source>未识别的列（不导入）：{columns}</source>
        <translation>Columns not recognised (not imported): {columns}</translation>
    </message>
    <message>
        <source>{name}-问题清单.xlsx</source>
        <translation>{name}-problems.xlsx</translation>
    </message>
    <message>
        <source>保存问题清单</source>
        <translation>Save the problem list</translation>
    </message>
    <message>
        <source>问题清单已保存到 {path}</source>
        <translation>Problem list saved to {path}</translation>
    </message>
    <message>
        <source>正在写入…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>跳过的行可用“保存问题清单…”保存。</source>
        <translation> Save the skipped rows with “Save problem list…”.</translation>
    </message>
    <message>
        <source>导入/导出</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出{kind}</source>
        <translation>Export {kind}</translation>
    </message>
    <message>
        <source>已导出{count}行到 {path}</source>
        <translation>Exported {count} rows to {path}</translation>
    </message>
    <message>
        <source>护理员培训</source>
        <translation>Care-worker training</translation>
    </message>
    <message>
        <source>护理员</source>
        <translation>Care workers</translation>
    </message>
    <message>
        <source>岗前培训率</source>
        <translation>Pre-job training rate</translation>
    </message>
    <message>
        <source>持证上岗率</source>
        <translation>Certified rate</translation>
    </message>
    <message>
        <source>人均学时</source>
        <translation>Hours per worker</translation>
    </message>
    <message>
        <source>{year}年人均学时 {hours}</source>
        <translation>Hours per worker in {year}: {hours}</translation>
    </message>
    <message>
        <source>未完成岗前培训：</source>
        <translation>No pre-job training: </translation>
    </message>
    <message>
        <source>未持有效技能证书：</source>
        <translation>No valid skill certificate: </translation>
    </message>
    <message>
        <source>新增证书：{name}</source>
        <translation>Add certificate: {name}</translation>
    </message>
    <message>
        <source>修改证书：{name}</source>
        <translation>Edit certificate: {name}</translation>
    </message>
    <message>
        <source>长期（无有效期）</source>
        <translation>No expiry (长期)</translation>
    </message>
    <message>
        <source>证书名称</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>「{name}」及其相关记录的每一次修改（最新在前）。</source>
        <translation>Every change to &quot;{name}&quot; and the records that belong to it (newest first).</translation>
    </message>
    <message>
        <source>{status} {done}/{required}学时</source>
        <translation>{status} {done}/{required} h</translation>
    </message>
    <message>
        <source>{status}（{done}完成）</source>
        <translation>{status} (done {done})</translation>
    </message>
    <message>
        <source>{status} 至{due}</source>
        <translation>{status} until {due}</translation>
    </message>
    <message>
        <source>{status} 应于{due}</source>
        <translation>{status}, due {due}</translation>
    </message>
    <message>
        <source>{status} {due}前</source>
        <translation>{status} by {due}</translation>
    </message>
    <message>
        <source>还差 {hours} 学时</source>
        <translation>{hours} h short</translation>
    </message>
    <message>
        <source>已过期，需重新培训</source>
        <translation>Expired: retrain</translation>
    </message>
    <message>
        <source>从未完成</source>
        <translation>Never done</translation>
    </message>
    <message>
        <source>即将到期，需复训</source>
        <translation>Due soon: retrain</translation>
    </message>
    <message>
        <source>尚未到期</source>
        <translation>Not due yet</translation>
    </message>
    <message>
        <source>最近一次合格：{date}</source>
        <translation>Last passed: {date}</translation>
    </message>
    <message>
        <source>修改培训要求</source>
        <translation>Edit requirements</translation>
    </message>
    <message>
        <source>查看培训要求</source>
        <translation>View requirements</translation>
    </message>
    <message>
        <source>谁需要什么（按到期日）</source>
        <translation>Who needs what next (by due date)</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>培训要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>{step}：{hazard}</source>
        <translation>{step}: {hazard}</translation>
    </message>
    <message>
        <source>新整改期限</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>当前整改期限 {d}（原期限保留在处理记录中）</source>
        <translation>Current deadline {d} (the original stays in the history)</translation>
    </message>
    <message>
        <source>延期原因</source>
        <translation>Reason for the extension</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>添加照片…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>选择整改照片</source>
        <translation>Choose a rectification photo</translation>
    </message>
    <message>
        <source>「{name}」太大：照片最大 {mb} MB</source>
        <translation>&quot;{name}&quot; is too large: a photo may be at most {mb} MB</translation>
    </message>
    <message>
        <source>「{name}」不是可读的图片</source>
        <translation>&quot;{name}&quot; is not a readable image</translation>
    </message>
    <message>
        <source>提交复查</source>
        <translation>Submit for re-check</translation>
    </message>
    <message>
        <source>复查通过</source>
        <translation>Re-check passed</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>{date}：{n} 名在职人员，{overdue} 项缺失或过期，{total} 项待办</source>
        <translation>{date}: {n} employed, {overdue} missing or expired, {total} to do</translation>
    </message>
    <message>
        <source>（使用系统默认要求）</source>
        <translation> (default requirements)</translation>
    </message>
    <message>
        <source>…等 {n} 人</source>
        <translation>… {n} in all</translation>
    </message>
    <message>
        <source>{n} / {total} 人</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>全部达标。</source>
        <translation>All met.</translation>
    </message>
    <message>
        <source>暂无在职护理员。</source>
        <translation>No care workers employed.</translation>
    </message>
    <message>
        <source>暂无在职保育员。</source>
        <translation>No childcare workers employed.</translation>
    </message>
    <message>
        <source>截至 {date}，在职保育员 {n} 人；今年人均培训 {hours} 学时</source>
        <translation>As of {date}: {n} childcare workers employed; {hours} h of training each this year on average</translation>
    </message>
    <message>
        <source>截至 {date}，在职护理员 {n} 人；今年人均培训 {hours} 学时</source>
        <translation>As of {date}: {n} care workers employed; {hours} h of training each this year on average</translation>
    </message>
    <message>
        <source>60天内没有到期的证书。</source>
        <translation>No certificate expires within 60 days.</translation>
    </message>
    <message>
        <source>{certificate}（{date}到期）</source>
        <translation>{certificate} (expires {date})</translation>
    </message>
    <message>
        <source>…共 {n} 本</source>
        <translation>… {n} in all</translation>
    </message>
    <message>
        <source>60天内到期的证书：</source>
        <translation>Certificates expiring within 60 days:</translation>
    </message>
    <message>
        <source>培训要求（本机构）</source>
        <translation>Training requirements (this institution)</translation>
    </message>
    <message>
        <source>每行一项要求：按类别和主题关键词计入合格的培训，“间隔月数”留 0 表示只需一次；按学时计的行只填“每年学时”。</source>
        <translation>One requirement per line: passed sessions count by category and topic words; interval 0 means once; a line in hours takes only hours per year.</translation>
    </message>
    <message>
        <source>当前为系统默认要求，保存后成为本机构的要求。</source>
        <translation>These are the default requirements; saving makes them this institution&apos;s own.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>间隔月数（0=一次）</source>
        <translation>Every (months, 0 = once)</translation>
    </message>
    <message>
        <source>每年学时（0=不按学时）</source>
        <translation>Hours per year (0 = none)</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add line</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>编辑检查表草稿 — {title} {version}</source>
        <translation>Edit checklist draft — {title} {version}</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>每行一项。条款读不到或未核对时勾选“未核实”；重大隐患项发现后按重大隐患处理。保存的是草稿，发布后才能用于检查，发布后不再修改。</source>
        <translation>One item a row. Tick &apos;unverified&apos; when the clause could not be read or checked; a failed major-hazard item opens a major hazard. You save a draft: it can be used once published, and never changes after that.</translation>
    </message>
    <message>
        <source>未核实</source>
        <translation>Unverified</translation>
    </message>
    <message>
        <source>添加检查项</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>删除所选项</source>
        <translation>Remove selected item</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>保存草稿</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Ordinary</translation>
    </message>
    <message>
        <source>重大隐患</source>
        <translation>Major hazard</translation>
    </message>
    <message>
        <source>保存培训要求</source>
        <translation>Save requirements</translation>
    </message>
    <message>
        <source>培训要求（本机构，只读）</source>
        <translation>Training requirements (this institution, read-only)</translation>
    </message>
    <message>
        <source>任意类别</source>
        <translation>Any category</translation>
    </message>
    <message>
        <source>床位历史：{bed}</source>
        <translation>Bed history: {bed}</translation>
    </message>
    <message>
        <source>类型与启用、停用</source>
        <translation>Type and service</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>In service</translation>
    </message>
    <message>
        <source>入住记录</source>
        <translation>Stays</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>至今</source>
        <translation>now</translation>
    </message>
    <message>
        <source>新建培训</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>修改培训信息</source>
        <translation>Edit session</translation>
    </message>
    <message>
        <source>日期（开始—结束）</source>
        <translation>Dates (start – end)</translation>
    </message>
    <message>
        <source>参训人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存培训与签到</source>
        <translation>Save session and attendance</translation>
    </message>
    <message>
        <source>请选择培训类别。</source>
        <translation>Choose a category.</translation>
    </message>
    <message>
        <source>请在名单中勾选参训人员（可用“全选”或“选中该岗位”）。</source>
        <translation>Tick the attendees in the list (or use &quot;Select all&quot; or &quot;Select this occupation&quot;).</translation>
    </message>
    <message>
        <source>添加参训人员</source>
        <translation>Add attendees</translation>
    </message>
    <message>
        <source>请在名单中勾选要添加的人员。</source>
        <translation>Tick the people to add in the list.</translation>
    </message>
    <message>
        <source>修改考核结果：{name}</source>
        <translation>Change result: {name}</translation>
    </message>
    <message>
        <source>修改结果/学时</source>
        <translation>Change result / hours</translation>
    </message>
    <message>
        <source>移除参训人员</source>
        <translation>Remove attendee</translation>
    </message>
    <message>
        <source>证书…</source>
        <translation>Certificates…</translation>
    </message>
    <message>
        <source>签发、打印或作废本次培训合格人员的培训合格证书</source>
        <translation>Issue, print or revoke the certificates of those who passed this session</translation>
    </message>
    <message>
        <source>培训：{topic}</source>
        <translation>Session: {topic}</translation>
    </message>
    <message>
        <source>{category}    {dates}    {hours} 学时    讲师：{trainer}    地点：{place}    参训 {n} 人，合格 {passed} 人</source>
        <translation>{category}    {dates}    {hours} h    trainer: {trainer}    place: {place}    {n} attended, {passed} passed</translation>
    </message>
    <message>
        <source>把「{name}」从这次培训的名单中移除？移除记入修改历史。</source>
        <translation>Remove {name} from this session&apos;s list? The removal is kept in the history.</translation>
    </message>
    <message>
        <source>新增保育员</source>
        <translation>New childcare worker</translation>
    </message>
    <message>
        <source>编辑保育员</source>
        <translation>Edit childcare worker</translation>
    </message>
    <message>
        <source>新增护理员</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <source>编辑护理员</source>
        <translation>Edit worker</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>请选择岗位。</source>
        <translation>Choose an occupation.</translation>
    </message>
    <message>
        <source>离职：{name}</source>
        <translation>Leaving: {name}</translation>
    </message>
    <message>
        <source>「{name}」离职后档案、证书与培训记录都保留，可在“显示离职人员”中查看。</source>
        <translation>{name}&apos;s record, certificates and training are kept after leaving; see them with &quot;Show leavers&quot;.</translation>
    </message>
    <message>
        <source>确认离职</source>
        <translation>Confirm leaving</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>用其他程序打开</source>
        <translation>Open in another program</translation>
    </message>
    <message>
        <source>共 %n 页</source>
        <translation>%n pages</translation>
    </message>
    <message>
        <source>无法显示这个 PDF 文件。</source>
        <translation>This PDF file cannot be shown.</translation>
    </message>
    <message>
        <source>无法开始打印。</source>
        <translation>Printing could not start.</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存失败：</source>
        <translation>Saving failed: </translation>
    </message>
    <message>
        <source>证书样式</source>
        <translation>Certificate style</translation>
    </message>
    <message>
        <source>本机构打印的培训合格证书，已签发的证书重印时也按此样式。</source>
        <translation>How this institution prints training certificates; reprints of issued certificates follow it too.</translation>
    </message>
    <message>
        <source>印完整身份证号（默认隐去中间8位）</source>
        <translation>Print the full ID number (masked by default)</translation>
    </message>
    <message>
        <source>印该员工的累计培训学时</source>
        <translation>Print the worker&apos;s cumulative training hours</translation>
    </message>
    <message>
        <source>整改期限设置</source>
        <translation>Deadline settings</translation>
    </message>
    <message>
        <source>新发现的隐患按等级取默认整改期限（自发现之日起的天数），可在隐患页修改或延期。</source>
        <translation>A hazard found from now on gets the default deadline of its level (days from the day found); change or extend it on the hazard&apos;s page.</translation>
    </message>
    <message>
        <source>一般隐患（天）</source>
        <translation>Ordinary hazard (days)</translation>
    </message>
    <message>
        <source>重大隐患（天）</source>
        <translation>Major hazard (days)</translation>
    </message>
    <message>
        <source>登记隐患</source>
        <translation>Register a hazard</translation>
    </message>
    <message>
        <source>自定整改期限（不选则按等级取默认期限）</source>
        <translation>Own deadline (otherwise the default for the level)</translation>
    </message>
    <message>
        <source>发现人</source>
        <translation>Found by</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>安全检查报告</source>
        <translation>Inspection report</translation>
    </message>
    <message>
        <source>打印报告</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>预览、打印或保存所选检查的安全检查报告（PDF）</source>
        <translation>Preview, print or save the selected inspection&apos;s report (PDF)</translation>
    </message>
    <message>
        <source>为所选检查尚未销号的隐患出具整改通知书（PDF）</source>
        <translation>Issue a rectification notice for the selected inspection&apos;s open hazards (PDF)</translation>
    </message>
    <message>
        <source>请先在检查记录中选择一次检查。</source>
        <translation>Select an inspection in the list first.</translation>
    </message>
    <message>
        <source>无法生成 PDF：</source>
        <translation>Could not write the PDF: </translation>
    </message>
    <message>
        <source>隐患整改</source>
        <translation>Hazard rectification</translation>
    </message>
    <message>
        <source>统计期</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>发现</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>期内销号</source>
        <translation>Closed in period</translation>
    </message>
    <message>
        <source>期末未销号</source>
        <translation>Open at end</translation>
    </message>
    <message>
        <source>其中超期</source>
        <translation>of which overdue</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>整改销号率</source>
        <translation>Closure rate</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>发现 {found} 项，已销号 {closed} 项</source>
        <translation>Found {found}, closed {closed}</translation>
    </message>
    <message>
        <source>整改销号率 {pct}</source>
        <translation>Closure rate {pct}</translation>
    </message>
    <message>
        <source>期末未销号 {open} 项，其中超期 {overdue} 项</source>
        <translation>Open at the end {open}, of which overdue {overdue}</translation>
    </message>
    <message>
        <source>{start} 至 {end}，期内销号 {closed} 项（不论何时发现）。</source>
        <translation>{start} to {end}: {closed} closed in the period (whenever found).</translation>
    </message>
    <message>
        <source>等级：</source>
        <translation>Level: </translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Section: </translation>
    </message>
    <message>
        <source>{date}当周</source>
        <translation>week of {date}</translation>
    </message>
    <message>
        <source>漏检 {n} 次：{periods}</source>
        <translation>Missed {n} times: {periods}</translation>
    </message>
    <message>
        <source> 等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>今日检查</source>
        <translation>Today&apos;s checks</translation>
    </message>
    <message>
        <source>没有检查计划（在“安全检查”页的“检查计划…”中设置）</source>
        <translation>No schedules (set them up under Safety inspections → Schedules…)</translation>
    </message>
    <message>
        <source>草稿未完成</source>
        <translation>Draft not finished</translation>
    </message>
    <message>
        <source>待检查</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>继续检查</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>开始检查</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>请先选择结果（1 合格 / 2 不合格 / 3 不适用），再加照片。</source>
        <translation>Choose a result first (1 pass / 2 fail / 3 not applicable), then add photos.</translation>
    </message>
    <message>
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>照片「{name}」未添加：{why}</source>
        <translation>Photo &apos;{name}&apos; not added: {why}</translation>
    </message>
    <message>
        <source>已添加照片：{name}</source>
        <translation>Photo added: {name}</translation>
    </message>
    <message>
        <source>已删除照片。</source>
        <translation>Photo removed.</translation>
    </message>
    <message>
        <source>完成检查并签名</source>
        <translation>Finish and sign the inspection</translation>
    </message>
    <message>
        <source>签名后检查即锁定，不能再修改（更正需另行登记）。</source>
        <translation>Once signed, the inspection is locked (a correction is recorded separately).</translation>
    </message>
    <message>
        <source>将为 {n} 个不合格项登记隐患。</source>
        <translation>Hazards will be recorded for {n} failed items.</translation>
    </message>
    <message>
        <source>没有不合格项。</source>
        <translation>No failed items.</translation>
    </message>
    <message>
        <source>检查结论（可不填）：</source>
        <translation>Conclusion (optional):</translation>
    </message>
    <message>
        <source>例如：总体情况良好，发现问题限期整改。</source>
        <translation>For example: generally in good order; the problems found are to be put right by their deadlines.</translation>
    </message>
    <message>
        <source>负责人姓名</source>
        <translation>Name of the head</translation>
    </message>
    <message>
        <source>签名并完成</source>
        <translation>Sign and finish</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>请填写被检查单位负责人姓名。</source>
        <translation>Name the head of the inspected unit.</translation>
    </message>
    <message>
        <source>还没有签名：{names}</source>
        <translation>Not signed yet: {names}</translation>
    </message>
    <message>
        <source>在框内签名（鼠标、手写笔或手指）</source>
        <translation>Sign in the box (mouse, pen or finger)</translation>
    </message>
    <message>
        <source>请在此签名</source>
        <translation>Sign here</translation>
    </message>
    <message>
        <source>（签名图片未到）</source>
        <translation>(signature image not arrived yet)</translation>
    </message>
    <message>
        <source>{role}：{name} · {when}</source>
        <translation>{role}: {name} · {when}</translation>
    </message>
    <message>
        <source>更正（{when}，{who}）：{reason} — {items}</source>
        <translation>Amended ({when}, {who}): {reason} — {items}</translation>
    </message>
    <message>
        <source>{title}（{version}，{n} 项）</source>
        <translation>{title} ({version}, {n} items)</translation>
    </message>
    <message>
        <source>新建检查</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <source>多名检查人员用顿号或逗号分开，如：刘志强、王建国</source>
        <translation>Separate several inspectors with 、 or commas, e.g. 刘志强、王建国</translation>
    </message>
    <message>
        <source>请选择检查类型和检查表。</source>
        <translation>Choose an inspection type and a checklist.</translation>
    </message>
    <message>
        <source>新的双随机抽取</source>
        <translation>New random draw</translation>
    </message>
    <message>
        <source>从本区域的机构中随机抽取检查对象，并为每家随机选派两名检查人员。随机种子留空时自动生成；公布种子和名单后，任何人都能重现本次抽取。</source>
        <translation>Draws institutions of the region for inspection at random and sends two inspectors, chosen at random, to each. Leave the seed empty to have one made up; once the seed and the lists are published, anyone can redo the draw.</translation>
    </message>
    <message>
        <source>如 370212（区），3702（市）</source>
        <translation>e.g. 370212 (district), 3702 (city)</translation>
    </message>
    <message>
        <source>每行一名检查人员，或用顿号分隔</source>
        <translation>one inspector per line, or separated by commas</translation>
    </message>
    <message>
        <source>留空则随机生成</source>
        <translation>leave empty for a random seed</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>抽取机构数</source>
        <translation>Institutions to draw</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
    <message>
        <source>双随机抽取</source>
        <translation>Random draws</translation>
    </message>
    <message>
        <source>新的抽取…</source>
        <translation>New draw…</translation>
    </message>
    <message>
        <source>导出抽取名单…</source>
        <translation>Export the draw…</translation>
    </message>
    <message>
        <source>导出检查结果（一公开）…</source>
        <translation>Export the results (publication)…</translation>
    </message>
    <message>
        <source>抽取记录</source>
        <translation>Draws made here</translation>
    </message>
    <message>
        <source>抽取日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>候选机构</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>机构代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>{n} 家</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>还没有抽取记录。点“新的抽取…”开始。</source>
        <translation>No draws yet. Click &quot;New draw…&quot; to start.</translation>
    </message>
    <message>
        <source>{date} 从区域 {region} 的 {homes} 家机构中抽取 {count} 家，检查人员 {people} 名，随机种子 {seed}（算法 {algorithm}）</source>
        <translation>{date}: {count} of the {homes} institutions of region {region} drawn, {people} inspectors, seed {seed} (algorithm {algorithm})</translation>
    </message>
    <message>
        <source>双随机检查结果</source>
        <translation>Random inspection results</translation>
    </message>
    <message>
        <source>双随机抽取名单</source>
        <translation>Random draw</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {n} 家到 {path}</source>
        <translation>Exported {n} institutions to {path}</translation>
    </message>
    <message>
        <source>安全</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>打印恢复单</source>
        <translation>Print the recovery sheet</translation>
    </message>
    <message>
        <source>尚无账号保护（新数据库）。</source>
        <translation>no account protects it yet (a new database).</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{name}（{user}）</source>
        <translation>{name} ({user})</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>可以在本电脑上打开数据库的账号：</source>
        <translation>Accounts that can open the database on this computer: </translation>
    </message>
    <message>
        <source>恢复单上次打印：{date}</source>
        <translation>Recovery sheet last printed: {date}</translation>
    </message>
    <message>
        <source>尚未打印恢复单。如果所有密码都遗失了，只有恢复单能打开这些数据，请打印并锁好。</source>
        <translation>The recovery sheet has not been printed. If every password is lost, only the recovery sheet opens this data: print it and lock it away.</translation>
    </message>
    <message>
        <source>无法生成恢复单：</source>
        <translation>Cannot make the recovery sheet: </translation>
    </message>
    <message>
        <source>用恢复密钥打开</source>
        <translation>Open with the recovery key</translation>
    </message>
    <message>
        <source>请输入恢复单上的恢复密钥（52 个字母和数字，每 4 个一组），或用扫码枪扫描恢复单上的二维码。</source>
        <translation>Type the recovery key from the recovery sheet (52 letters and digits, in groups of four), or scan the sheet&apos;s QR code with a barcode scanner.</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>为管理员设置新密码</source>
        <translation>New administrator password</translation>
    </message>
    <message>
        <source>恢复密钥正确。请选择一位管理员，为其设置新密码，然后用新密码登录。</source>
        <translation>The recovery key is correct. Choose an administrator, give them a new password, then log in with it.</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>设置并登录</source>
        <translation>Set and log in</translation>
    </message>
    <message>
        <source>此数据库中没有可用的管理员账号。</source>
        <translation>This database has no active administrator account.</translation>
    </message>
    <message>
        <source>{name}（{user}）— {institution}</source>
        <translation>{name} ({user}) — {institution}</translation>
    </message>
    <message>
        <source>本电脑上的数据已加密，只有用账号密码才能打开。如果所有密码都遗失了，只有恢复单能打开这些数据。请现在打印恢复单，锁在柜子里。</source>
        <translation>The data on this computer is encrypted and opens only with an account&apos;s password. If every password is lost, only the recovery sheet opens it. Print the recovery sheet now and lock it away.</translation>
    </message>
    <message>
        <source>稍后</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>恢复单</source>
        <translation>Recovery sheet</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>今天的自动备份没有做成。</source>
        <translation>Today&apos;s automatic backup could not be made.</translation>
    </message>
    <message>
        <source>查找范围(&amp;L)：</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>文件类型(&amp;T)：</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>停用床位</source>
        <translation>Take bed out of service</translation>
    </message>
    <message>
        <source>停用床位 {bed}</source>
        <translation>Take bed {bed} out of service</translation>
    </message>
    <message>
        <source>停用后该床位不计入在用床位，也不能安排入住，直到恢复使用。</source>
        <translation>Out of service, the bed is not counted among beds in service and no one can be admitted into it until it returns to service.</translation>
    </message>
    <message>
        <source>例如：漏水维修、改作他用</source>
        <translation>e.g. leak repairs, used for something else</translation>
    </message>
    <message>
        <source>停用原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>停用日期</source>
        <translation>Out of service from</translation>
    </message>
    <message>
        <source>更正日期：{name}</source>
        <translation>Correct a date: {name}</translation>
    </message>
    <message>
        <source>更正录错的日期。需填写原因；更正记入修改历史，并同步到服务器。</source>
        <translation>Correct a date entered wrongly. A reason is required; the correction goes into the change history and is synced to the server.</translation>
    </message>
    <message>
        <source>入住日期（{date}）</source>
        <translation>Admission date ({date})</translation>
    </message>
    <message>
        <source>外出（{span}）</source>
        <translation>Leave ({span})</translation>
    </message>
    <message>
        <source>退住日期（{date}）</source>
        <translation>Discharge date ({date})</translation>
    </message>
    <message>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>正确的日期</source>
        <translation>Correct date</translation>
    </message>
    <message>
        <source>正确的返回日期</source>
        <translation>Correct return date</translation>
    </message>
    <message>
        <source>例如：合同上的入住日期为准</source>
        <translation>e.g. the admission date in the contract</translation>
    </message>
    <message>
        <source>正确的外出日期</source>
        <translation>Correct leave date</translation>
    </message>
    <message>
        <source>入住</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>{start} 起，尚未返回</source>
        <translation>from {start}, not yet back</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>床位 {bed}</source>
        <translation>bed {bed}</translation>
    </message>
    <message>
        <source>未分配床位</source>
        <translation>no bed</translation>
    </message>
    <message>
        <source>换到 {bed}</source>
        <translation>to {bed}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{level}（总分 {total}，{reason}）</source>
        <translation>{level} (total {total}, {reason})</translation>
    </message>
    <message>
        <source>未知的区划代码 {code}</source>
        <translation>Unknown division code {code}</translation>
    </message>
    <message>
        <source>在院儿童</source>
        <translation>Children in care</translation>
    </message>
    <message>
        <source>院内儿童</source>
        <translation>In the home</translation>
    </message>
    <message>
        <source>家庭寄养</source>
        <translation>In foster care</translation>
    </message>
    <message>
        <source>在读儿童</source>
        <translation>At school</translation>
    </message>
    <message>
        <source>寻亲公告</source>
        <translation>Family-search notices</translation>
    </message>
    <message>
        <source>寄养回访到期</source>
        <translation>Foster visits due</translation>
    </message>
    <message>
        <source>含家庭寄养，仍由本院监护</source>
        <translation>incl. foster care; still in our guardianship</translation>
    </message>
    <message>
        <source>在本院生活</source>
        <translation>living in the home</translation>
    </message>
    <message>
        <source>在寄养家庭生活</source>
        <translation>living with foster families</translation>
    </message>
    <message>
        <source>学前教育至高等教育</source>
        <translation>preschool to higher education</translation>
    </message>
    <message>
        <source>其中 {n} 份已过公告期，可按查找不到生父母办理</source>
        <translation>{n} past their period: parents cannot be found</translation>
    </message>
    <message>
        <source>均在公告期内</source>
        <translation>all within their period</translation>
    </message>
    <message>
        <source>没有公告中的寻亲公告</source>
        <translation>no notices running</translation>
    </message>
    <message>
        <source>请尽快回访寄养家庭</source>
        <translation>visit the foster families soon</translation>
    </message>
    <message>
        <source>没有到期的回访</source>
        <translation>no visits due</translation>
    </message>
    <message>
        <source>· {child}：{date} 已期满</source>
        <translation>· {child}: period ended {date}</translation>
    </message>
    <message>
        <source>· {child}：公告期至 {date}（还有 {days} 天）</source>
        <translation>· {child}: period until {date} ({days} days left)</translation>
    </message>
    <message>
        <source>接收</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic details</translation>
    </message>
    <message>
        <source>儿童档案</source>
        <translation>Child&apos;s record</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>养育记录</source>
        <translation>Upbringing history</translation>
    </message>
    <message>
        <source>显示身世与家庭信息</source>
        <translation>Show origin and family details</translation>
    </message>
    <message>
        <source>显示亲生家庭、捡拾与送交情况、入院材料和安置家庭。每次查看都记入审计日志（谁、何时、看了哪些记录）。</source>
        <translation>Shows the birth family, how the child was found and brought, the intake documents and the placement families. Every look is written to the audit trail (who, when, which records).</translation>
    </message>
    <message>
        <source>发布寻亲公告</source>
        <translation>Publish family-search notice</translation>
    </message>
    <message>
        <source>结束公告</source>
        <translation>End notice</translation>
    </message>
    <message>
        <source>入院评估</source>
        <translation>Intake assessment</translation>
    </message>
    <message>
        <source>养育安排</source>
        <translation>Upbringing</translation>
    </message>
    <message>
        <source>安置</source>
        <translation>Placement</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>结束寄养</source>
        <translation>End foster care</translation>
    </message>
    <message>
        <source>离院</source>
        <translation>Leaving</translation>
    </message>
    <message>
        <source>儿童档案：{name}</source>
        <translation>Child&apos;s record: {name}</translation>
    </message>
    <message>
        <source>{name}，出生日期 {born}，{status}；接收日期 {date}</source>
        <translation>{name}, born {born}, {status}; received {date}</translation>
    </message>
    <message>
        <source>公告期至</source>
        <translation>Notice runs until</translation>
    </message>
    <message>
        <source>{date}（已期满，可按查找不到生父母办理）</source>
        <translation>{date} (expired: the parents count as not findable)</translation>
    </message>
    <message>
        <source>{date}（还有 {days} 天）</source>
        <translation>{date} ({days} days left)</translation>
    </message>
    <message>
        <source>为「{name}」发布寻亲公告</source>
        <translation>Family-search notice for “{name}”</translation>
    </message>
    <message>
        <source>结束「{name}」的寻亲公告</source>
        <translation>End the family-search notice for “{name}”</translation>
    </message>
    <message>
        <source>「{name}」入院评估</source>
        <translation>Intake assessment of “{name}”</translation>
    </message>
    <message>
        <source>「{name}」养育安排</source>
        <translation>Upbringing of “{name}”</translation>
    </message>
    <message>
        <source>「{name}」安置</source>
        <translation>Placement of “{name}”</translation>
    </message>
    <message>
        <source>「{name}」以{kind}方式安置，安置日期 {date}？
儿童将离院，床位空出，档案保留，不能再修改。</source>
        <translation>Place “{name}” by {kind} on {date}?
The child leaves the home and the bed becomes free; the record is kept and can no longer be changed.</translation>
    </message>
    <message>
        <source>确认安置</source>
        <translation>Confirm placement</translation>
    </message>
    <message>
        <source>未办理安置。</source>
        <translation>Not placed.</translation>
    </message>
    <message>
        <source>「{name}」安置回访</source>
        <translation>Placement visit for “{name}”</translation>
    </message>
    <message>
        <source>「{name}」结束寄养，回到院内</source>
        <translation>“{name}” ends foster care and comes back to the home</translation>
    </message>
    <message>
        <source>为「{name}」办理离院</source>
        <translation>“{name}” leaves the home</translation>
    </message>
    <message>
        <source>为「{name}」办理离院（{reason}），离院日期 {date}？
床位空出，档案保留，不能再修改。</source>
        <translation>“{name}” leaves the home ({reason}) on {date}?
The bed becomes free; the record is kept and can no longer be changed.</translation>
    </message>
    <message>
        <source>确认离院</source>
        <translation>Confirm leaving</translation>
    </message>
    <message>
        <source>未办理离院。</source>
        <translation>Did not leave.</translation>
    </message>
    <message>
        <source>结束寻亲公告</source>
        <translation>End family-search notice</translation>
    </message>
    <message>
        <source>结束方式</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>说明（撤回时必填）</source>
        <translation>Note (required when withdrawn)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>安置后儿童离院，档案保留，不能再修改。</source>
        <translation>With this placement the child leaves the home; the record is kept and can no longer be changed.</translation>
    </message>
    <message>
        <source>家庭寄养期间儿童仍由本院监护，计入在院儿童。</source>
        <translation>In foster care the home stays the guardian; the child counts as in care.</translation>
    </message>
    <message>
        <source>安置回访</source>
        <translation>Placement visit</translation>
    </message>
    <message>
        <source>暂不安排床位</source>
        <translation>No bed for now</translation>
    </message>
    <message>
        <source>返院床位</source>
        <translation>Bed on return</translation>
    </message>
    <message>
        <source>离院日期</source>
        <translation>Leaving date</translation>
    </message>
    <message>
        <source>离院原因</source>
        <translation>Reason for leaving</translation>
    </message>
    <message>
        <source>接收儿童</source>
        <translation>Receive a child</translation>
    </message>
    <message>
        <source>儿童</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>出生日期（可估计）</source>
        <translation>Birth date (may be estimated)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd，不确定时填估计日期</source>
        <translation>yyyy-MM-dd; an estimate if unknown</translation>
    </message>
    <message>
        <source>身份证号（有则填）</source>
        <translation>ID number (if any)</translation>
    </message>
    <message>
        <source>扫描件或照片（PNG、JPEG），双击说明可修改。</source>
        <translation>Scans or photos (PNG, JPEG); double-click a caption to change it.</translation>
    </message>
    <message>
        <source>添加材料…</source>
        <translation>Add document…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>选择入院材料</source>
        <translation>Choose an intake document</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>入院材料只能是 PNG 或 JPEG 图片：{name}</source>
        <translation>Intake documents must be PNG or JPEG pictures: {name}</translation>
    </message>
    <message>
        <source>其他设备</source>
        <translation>another device</translation>
    </message>
    <message>
        <source>养育记录：{name}</source>
        <translation>Upbringing history: {name}</translation>
    </message>
    <message>
        <source>「{name}」的每一次养育安排（最新在前）。调整安排时登记新的一条，以前的安排保留。</source>
        <translation>Every upbringing arrangement of &quot;{name}&quot; (newest first). A change is recorded as a new arrangement; earlier ones are kept.</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>养育方式</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>小组/单元</source>
        <translation>Group or unit</translation>
    </message>
    <message>
        <source>就学情况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>康复</source>
        <translation>Rehabilitation</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical care</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>记录时间</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>尚未登记养育安排。</source>
        <translation>No upbringing arrangement recorded yet.</translation>
    </message>
</context>
<context>
    <name>BedChooserDialog</name>
    <message>
        <source>选择床位</source>
        <translation>Choose a bed</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>只列出空闲床位。</source>
        <translation>Only free beds are listed.</translation>
    </message>
</context>
<context>
    <name>BulkBedsDialog</name>
    <message>
        <source>批量添加床位</source>
        <translation>Add beds in bulk</translation>
    </message>
    <message>
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>起始房间号</source>
        <translation>First room</translation>
    </message>
    <message>
        <source>例如：201</source>
        <translation>e.g. 201</translation>
    </message>
    <message>
        <source>结束房间号</source>
        <translation>Last room</translation>
    </message>
    <message>
        <source>例如：220</source>
        <translation>e.g. 220</translation>
    </message>
    <message>
        <source>每间床位数</source>
        <translation>Beds per room</translation>
    </message>
    <message>
        <source>床位类型</source>
        <translation>Bed type</translation>
    </message>
    <message>
        <source>启用日期</source>
        <translation>In service from</translation>
    </message>
    <message>
        <source>选择已有楼栋，或输入新楼栋的名称</source>
        <translation>Choose a building, or type the name of a new one</translation>
    </message>
    <message>
        <source>起始楼层</source>
        <translation>First floor</translation>
    </message>
    <message>
        <source>选择已有楼层，或输入新楼层，如 2层</source>
        <translation>Choose a floor, or type a new one, e.g. 2F</translation>
    </message>
    <message>
        <source>结束楼层</source>
        <translation>Last floor</translation>
    </message>
    <message>
        <source>可选：一次添加多层时填写，如 5层</source>
        <translation>Optional: to add several floors at once, e.g. 5F</translation>
    </message>
</context>
<context>
    <name>DischargeDialog</name>
    <message>
        <source>办理退住</source>
        <translation>Discharge</translation>
    </message>
    <message>
        <source>退住日期</source>
        <translation>Discharge date</translation>
    </message>
    <message>
        <source>退住原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>退住后档案保留（至少5年），只读，可在“已退住”中查看。</source>
        <translation>The record is kept (at least 5 years), read-only, under “Discharged”.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>欢迎使用民政桌面</source>
        <translation>Welcome to mzdesk</translation>
    </message>
    <message>
        <source>创建我的机构</source>
        <translation>Create my institution</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>例如：某某区福寿康养老院</source>
        <translation>e.g. Fushoukang Nursing Home</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Institution kind</translation>
    </message>
    <message>
        <source>行政区划代码</source>
        <translation>Region code</translation>
    </message>
    <message>
        <source>6位数字，可不填</source>
        <translation>6 digits, optional</translation>
    </message>
    <message>
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <source>管理员密码</source>
        <translation>Administrator password</translation>
    </message>
    <message>
        <source>创建并开始使用</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <source>这台电脑上还没有机构。请创建本机构、用注册码从中心服务器加入，或先打开演示数据看看。</source>
        <translation>There is no institution on this computer yet. Create yours, join one from the central server with an enrolment code, or look at the demo data first.</translation>
    </message>
    <message>
        <source>已有中心服务器：用注册码加入</source>
        <translation>Join from the central server with an enrolment code</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>例如：http://10.0.0.5:8760</source>
        <translation>e.g. http://10.0.0.5:8760</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>民政局或管理员给的一次性注册码</source>
        <translation>The one-time code from the bureau or your administrator</translation>
    </message>
    <message>
        <source>注册并同步</source>
        <translation>Enrol and sync</translation>
    </message>
    <message>
        <source>至少8位</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>养老院演示数据</source>
        <translation>Nursing home demo</translation>
    </message>
    <message>
        <source>打开一家养老院的演示数据（约150张床位）</source>
        <translation>Open demo data of a nursing home (about 150 beds)</translation>
    </message>
    <message>
        <source>儿童福利院演示数据</source>
        <translation>Children&apos;s home demo</translation>
    </message>
    <message>
        <source>打开一家儿童福利院的演示数据（儿童的接收、寻亲公告、养育、安置）</source>
        <translation>Open demo data of a children&apos;s welfare home (intake, family-tracing notices, upbringing, placements)</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>外出登记</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>预计返回</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>例如：回家探亲、住院</source>
        <translation>e.g. visiting family, hospital</translation>
    </message>
    <message>
        <source>去向</source>
        <translation>Destination</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>民政桌面</source>
        <translation>mzdesk</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>住户信息</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic details</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>yyyy-MM-dd，可由身份证号推出</source>
        <translation>yyyy-MM-dd; read from the ID number</translation>
    </message>
    <message>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>户籍地址</source>
        <translation>Household address</translation>
    </message>
    <message>
        <source>供养类型</source>
        <translation>Support type</translation>
    </message>
    <message>
        <source>医疗费用支付方式</source>
        <translation>Medical payment</translation>
    </message>
    <message>
        <source>婚姻状况</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>合同编号</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <source>疾病诊断</source>
        <translation>Diagnoses</translation>
    </message>
    <message>
        <source>儿童信息</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>儿童类别</source>
        <translation>Child category</translation>
    </message>
    <message>
        <source>监护类型</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>就学情况</source>
        <translation>Schooling</translation>
    </message>
    <message>
        <source>残疾类别</source>
        <translation>Disability type</translation>
    </message>
    <message>
        <source>残疾等级</source>
        <translation>Disability level</translation>
    </message>
    <message>
        <source>联系人与备注</source>
        <translation>Contacts &amp; notes</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>联系人电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>发生了意外错误，已记录到日志。数据未被部分写入。</source>
        <translation>An unexpected error occurred and was logged. No data was half-written.</translation>
    </message>
</context>
</TS>
