################################################################################
# Server
################################################################################

output "server_instance_id" {
  description = "ID of the K3s server instance."
  value       = try(aws_instance.this["server"].id, null)
}

output "server_private_ip" {
  description = "Private IP of the K3s server."
  value       = try(aws_instance.this["server"].private_ip, null)
}

################################################################################
# Agents
################################################################################

output "agent_instance_ids" {
  description = "IDs of the K3s agent instances, in order."
  value       = [for i in range(1, var.node_count) : aws_instance.this["agent-${i}"].id]
}

output "agent_private_ips" {
  description = "Private IPs of the K3s agents, in order."
  value       = [for i in range(1, var.node_count) : aws_instance.this["agent-${i}"].private_ip]
}
