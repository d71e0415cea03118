################################################################################
# Server (K3s control plane, first node)
################################################################################

resource "aws_instance" "server" {
  ami                         = var.ami_id
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_ids[0]
  vpc_security_group_ids      = var.security_group_ids
  key_name                    = var.key_name
  iam_instance_profile        = var.iam_instance_profile
  associate_public_ip_address = false

  # IMDSv2 only; two hops so pods (the worker's S3 client) can reach the instance role.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size
    encrypted             = true
    delete_on_termination = true
  }

  tags        = merge({ Name = "${var.name}-k3s-server", Role = "k3s-server" }, var.tags)
  volume_tags = merge({ Name = "${var.name}-k3s-server" }, var.tags)

  lifecycle {
    ignore_changes = [ami]
  }
}

################################################################################
# Agents
################################################################################

resource "aws_instance" "agent" {
  count = var.node_count - 1

  ami                         = var.ami_id
  instance_type               = var.instance_type
  subnet_id                   = var.subnet_ids[(count.index + 1) % length(var.subnet_ids)]
  vpc_security_group_ids      = var.security_group_ids
  key_name                    = var.key_name
  iam_instance_profile        = var.iam_instance_profile
  associate_public_ip_address = false

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  root_block_device {
    volume_type           = "gp3"
    volume_size           = var.root_volume_size
    encrypted             = true
    delete_on_termination = true
  }

  tags        = merge({ Name = "${var.name}-k3s-agent-${count.index + 1}", Role = "k3s-agent" }, var.tags)
  volume_tags = merge({ Name = "${var.name}-k3s-agent-${count.index + 1}" }, var.tags)

  lifecycle {
    ignore_changes = [ami]
  }
}
